import { ValidationError } from './common.errors';
import { isUuid } from './uuid';

/**
 * Keyset cursors for every "newest first" listing: the position is the last row's
 * (createdAt, id), encoded as base64url JSON `["<ISO-8601 createdAt>", "<uuid>"]`. Clients treat
 * it as opaque; adapters and fakes both go through these functions so their cursors are
 * interchangeable.
 */
export interface CursorPosition {
  readonly createdAt: Date;
  readonly id: string;
}

const MAX_CURSOR_LENGTH = 200;
// No row was created before 1970 or after year 9999, and PostgreSQL refuses some dates a JS Date
// accepts (year 0, six-digit years): a forged cursor outside these bounds is refused here, as
// invalid input, instead of failing in the query.
const EARLIEST_CURSOR_TIME = Date.UTC(1970, 0, 1);
const LATEST_CURSOR_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(position: CursorPosition): string {
  // The JSON written out: an ISO time and a uuid hold nothing JSON escapes, and both are ASCII,
  // so this is JSON.stringify's output at a fraction of its cost (one cursor a page).
  const json = `["${position.createdAt.toISOString()}","${position.id.toLowerCase()}"]`;
  return Buffer.from(json, 'latin1').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  const invalid = (): ValidationError => new ValidationError('cursor', 'is not a cursor this service issued');
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL_PATTERN.test(cursor)) {
    throw invalid();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [iso, id] = parsed as unknown[];
  if (typeof iso !== 'string' || !isUuid(id)) throw invalid();
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) throw invalid();
  if (createdAt.getTime() < EARLIEST_CURSOR_TIME || createdAt.getTime() > LATEST_CURSOR_TIME) throw invalid();
  return { createdAt, id: id.toLowerCase() };
}

/** Sort comparator for "newest first": createdAt descending, then id descending as the tie-break. */
export function compareNewestFirst(a: CursorPosition, b: CursorPosition): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/** True when `position` comes strictly after `cursor` in newest-first order: SQL `(created_at, id) < ($1, $2)`. */
export function isPastCursor(position: CursorPosition, cursor: CursorPosition): boolean {
  return compareNewestFirst(position, cursor) > 0;
}
