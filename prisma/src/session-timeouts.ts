import type { DatabaseConfig } from './database-config';
import type { StratumPool } from './pg-pool';

export interface SessionTimeoutMismatch {
  setting: 'statement_timeout' | 'idle_in_transaction_session_timeout';
  /** What DATABASE_STATEMENT_TIMEOUT_MS / DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ask for. */
  expectedMs: number;
  /** What the server applies to our connections (0: no limit). */
  actualMs: number;
}

/**
 * The timeouts our connections really run with, against the configured ones. Directly connected,
 * the pool sets them at connect and they match; behind PgBouncer they are whatever the role (or
 * database) defaults say, set by a migration or by ops, so the runtime checks at start-up and
 * says which one is missing rather than run without a bound nobody noticed was gone.
 */
export async function checkSessionTimeouts(
  pool: StratumPool,
  config: Pick<DatabaseConfig, 'statementTimeoutMs' | 'idleInTransactionTimeoutMs'>,
): Promise<SessionTimeoutMismatch[]> {
  // pg_settings gives both in milliseconds whatever unit they were set in.
  const { rows } = await pool.query<{ name: SessionTimeoutMismatch['setting']; setting: string }>(
    `SELECT name, setting FROM pg_settings
     WHERE name IN ('statement_timeout', 'idle_in_transaction_session_timeout')`,
  );
  const expected = {
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs,
  };
  return rows
    .map((row) => ({ setting: row.name, expectedMs: expected[row.name], actualMs: Number(row.setting) }))
    .filter((row) => row.actualMs !== row.expectedMs)
    .sort((a, b) => a.setting.localeCompare(b.setting));
}
