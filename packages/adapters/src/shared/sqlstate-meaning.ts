/**
 * What a PostgreSQL SQLSTATE means for the caller, in one table: a failure the repositories did
 * not translate into a domain error is one of
 * - `unavailable`: the database cannot serve now (down, shutting down, closed to connections,
 *   out of resources, a standby after a failover); the API answers 503 with Retry-After;
 * - `bad-input`: the request carried a value PostgreSQL cannot take (a NUL character, a date out
 *   of range) that validation should have refused first; 400 with a generic message;
 * - `conflict`: the request met concurrent writers or a constraint on current state; 409;
 * - `bug`: anything else, our code's fault (a syntax error, a missing privilege); 500.
 * A code is looked up whole first, then by its two-character class.
 */
export type SqlStateMeaning = 'unavailable' | 'bad-input' | 'conflict' | 'bug';

const BY_CODE: Readonly<Record<string, SqlStateMeaning>> = {
  '23502': 'bad-input', // not_null_violation: a value the domain let through as missing
  '23514': 'bad-input', // check_violation: a value the domain let through out of bounds
  '25006': 'unavailable', // read_only_sql_transaction: writing to a standby during a failover
  '55000': 'unavailable', // object_not_in_prerequisite_state: "not currently accepting connections"
  '55006': 'conflict', // object_in_use
  '55P03': 'conflict', // lock_not_available: lock_timeout behind another transaction
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now: starting up, or in recovery
  '57P04': 'unavailable', // database_dropped
};

const BY_CLASS: Readonly<Record<string, SqlStateMeaning>> = {
  '08': 'unavailable', // connection exception
  '22': 'bad-input', // data exception: 22021 bad encoding (NUL), 22007/22008/22009 dates, 22003 range
  '23': 'conflict', // integrity constraint violation: unique, foreign key, exclusion
  '28': 'unavailable', // invalid authorization: credentials rotated or revoked; not the caller's doing
  '3D': 'unavailable', // invalid catalog name: the database is gone
  '40': 'conflict', // transaction rollback: serialization failure, deadlock (retried first)
  '53': 'unavailable', // insufficient resources: disk full, out of memory, too many connections
  '58': 'unavailable', // system error: I/O error on the server
};

export function meaningOfSqlState(state: string): SqlStateMeaning {
  return BY_CODE[state] ?? BY_CLASS[state.slice(0, 2)] ?? 'bug';
}
