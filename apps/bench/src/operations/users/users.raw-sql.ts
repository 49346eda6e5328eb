import type { RawStatement } from '../raw-query';

/** The baseline's user statements: the same SQL the adapter sends, minus Prisma's wrapping. */
const COLUMNS = `id, email, name, password_hash, status, preferences, created_at, updated_at, deleted_at`;

export const USER_BY_ID: RawStatement = {
  name: 'bench_user_by_id',
  text: `SELECT ${COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL`,
};

export const USER_BY_EMAIL: RawStatement = {
  name: 'bench_user_by_email',
  text: `SELECT ${COLUMNS} FROM users WHERE email = $1 AND deleted_at IS NULL`,
};

export const USER_SEARCH: RawStatement = {
  name: 'bench_user_search',
  text: `SELECT ${COLUMNS} FROM users
         WHERE deleted_at IS NULL AND name ILIKE $1 AND status = $2::user_status
         ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
};

export const ACTIVE_USERS_OFFSET: RawStatement = {
  name: 'bench_active_users_offset',
  text: `SELECT ${COLUMNS} FROM users WHERE status = 'ACTIVE' AND deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
};

export const ACTIVE_USERS_FIRST: RawStatement = {
  name: 'bench_active_users_first',
  text: `SELECT ${COLUMNS} FROM users WHERE status = 'ACTIVE' AND deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT $1`,
};

export const ACTIVE_USERS_AFTER: RawStatement = {
  name: 'bench_active_users_after',
  text: `SELECT ${COLUMNS} FROM users WHERE status = 'ACTIVE' AND deleted_at IS NULL
           AND (created_at, id) < ($1::timestamptz, $2::uuid)
         ORDER BY created_at DESC, id DESC LIMIT $3`,
};

/** A pattern matching `text` anywhere, LIKE's own characters taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
