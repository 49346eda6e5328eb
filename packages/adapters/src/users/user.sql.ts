/**
 * The raw statements of the users adapter: those the model API cannot say in one statement, or
 * says in a way that keeps PostgreSQL from using our partial indexes.
 */
import type { CursorPosition, PageRequest } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import type { UserWrite } from './user.mapper';

/** Aliased to the model's field names, so raw rows and model rows share one mapper. */
export const USER_COLUMNS = Prisma.sql`id, email, name, password_hash AS "passwordHash", status, preferences,
  created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

/**
 * The live users with these ids. One id (a lookup alone in its tick) is asked with `=`: an array
 * parameter of one costs PostgreSQL twice the CPU of a plain key (80 against 40 µs measured,
 * one call at a time) and the driver its array encoding.
 */
export function usersByIds(ids: readonly string[]): Prisma.Sql {
  if (ids.length === 1) {
    return Prisma.sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ${ids[0]}::uuid AND deleted_at IS NULL`;
  }
  return Prisma.sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ANY (${ids}::uuid[]) AND deleted_at IS NULL`;
}

/** The live users with these (already normalised) emails: users_email_active_key answers it. One as usersByIds. */
export function usersByEmails(emails: readonly string[]): Prisma.Sql {
  if (emails.length === 1) {
    return Prisma.sql`SELECT ${USER_COLUMNS} FROM users WHERE email = ${emails[0]} AND deleted_at IS NULL`;
  }
  return Prisma.sql`SELECT ${USER_COLUMNS} FROM users WHERE email = ANY (${emails}::text[]) AND deleted_at IS NULL`;
}

/**
 * Insert, or update the live row with this id, in one statement. The update's WHERE skips a
 * soft-deleted row, so nothing comes back for one; id, created_at and deleted_at are never
 * updated. A clash on users_email_active_key raises 23505 on either path.
 */
export function upsertUser(row: UserWrite): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO users AS u (id, email, name, password_hash, status, preferences, created_at, updated_at)
    VALUES (${row.id}::uuid, ${row.email}, ${row.name}, ${row.passwordHash}, ${row.status}::user_status,
      ${row.preferences}::jsonb, ${row.createdAt}::timestamptz, ${row.updatedAt}::timestamptz)
    ON CONFLICT (id) DO UPDATE SET
      email = EXCLUDED.email,
      name = EXCLUDED.name,
      password_hash = EXCLUDED.password_hash,
      status = EXCLUDED.status,
      preferences = EXCLUDED.preferences,
      updated_at = EXCLUDED.updated_at
    WHERE u.deleted_at IS NULL
    RETURNING u.id`;
}

// 'ACTIVE' is a literal on purpose: PostgreSQL uses the partial index users_active_created_idx
// only when it can prove the index's predicate at plan time, and the model API's
// `status = CAST($1::text AS user_status)` hides it (casting text to an enum is not immutable).
const ACTIVE_USERS = Prisma.sql`status = 'ACTIVE' AND deleted_at IS NULL`;

export function activeUsersPage(page: PageRequest): Prisma.Sql {
  return Prisma.sql`
    SELECT ${USER_COLUMNS} FROM users
    WHERE ${ACTIVE_USERS}
    ORDER BY created_at DESC, id DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/** A row comparison, which the index can seek to, rather than the OR form that it can only filter by. */
export function activeUsersAfter(position: CursorPosition | null, rows: number): Prisma.Sql {
  const past =
    position === null
      ? Prisma.empty
      : Prisma.sql`AND (created_at, id) < (${position.createdAt}::timestamptz, ${position.id}::uuid)`;
  return Prisma.sql`
    SELECT ${USER_COLUMNS} FROM users
    WHERE ${ACTIVE_USERS} ${past}
    ORDER BY created_at DESC, id DESC
    LIMIT ${rows}`;
}
