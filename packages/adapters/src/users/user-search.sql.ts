/** The one query behind `search` and `findByRole`: every criterion is optional and they are ANDed. */
import {
  MAX_EMAIL_LENGTH,
  MAX_USER_NAME_LENGTH,
  isUserStatus,
  type PageRequest,
  type UserSearchCriteria,
} from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import { USER_COLUMNS } from './user.sql';

/** The query, or null when no stored user can match, so no query needs to run. */
export function searchUsers(criteria: UserSearchCriteria, page: PageRequest): Prisma.Sql | null {
  if (!canMatch(criteria)) return null;
  const conditions = [Prisma.sql`deleted_at IS NULL`];
  const { emailContains, nameContains, status, role } = criteria;
  if (emailContains !== undefined) conditions.push(Prisma.sql`email ILIKE ${containing(emailContains)}`);
  if (nameContains !== undefined) conditions.push(Prisma.sql`name ILIKE ${containing(nameContains)}`);
  if (status !== undefined) conditions.push(Prisma.sql`status = ${status}::user_status`);
  if (role !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM user_roles JOIN roles ON roles.id = user_roles.role_id
      WHERE user_roles.user_id = users.id AND roles.name = ${role})`);
  }
  return Prisma.sql`
    SELECT ${USER_COLUMNS} FROM users
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY created_at DESC, id DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/**
 * A pattern matching `text` anywhere, with LIKE's own characters taken literally: backslash is
 * PostgreSQL's default LIKE escape. (Prisma's `contains` passes `%` and `_` through as wildcards.)
 */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function canMatch({ emailContains, nameContains, status, role }: UserSearchCriteria): boolean {
  // PostgreSQL text cannot hold NUL, so such a term matches nothing; sent, it would be an error.
  const terms = [emailContains, nameContains, role].filter((term) => term !== undefined);
  if (terms.some((term) => term.includes('\u0000'))) return false;
  // A term longer than its column cannot be part of it: no need to make a trigram search of it.
  if (emailContains !== undefined && lengthOf(emailContains) > MAX_EMAIL_LENGTH) return false;
  if (nameContains !== undefined && lengthOf(nameContains) > MAX_USER_NAME_LENGTH) return false;
  return status === undefined || isUserStatus(status);
}

/** In characters (code points), as VARCHAR(n) counts them. */
function lengthOf(text: string): number {
  return [...text].length;
}
