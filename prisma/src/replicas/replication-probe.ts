/**
 * The few queries that tell where the primary's WAL is and how far a standby has replayed it.
 * They run on the pg pools directly, not through Prisma: they are infrastructure, and a probe
 * must stay cheap enough to run every second.
 */
import type pg from 'pg';
import type { StratumPool } from '../pg-pool';
import { WalPosition } from './wal-position';

export interface StandbyState {
  /** False once a standby has been promoted: it no longer follows the primary. */
  inRecovery: boolean;
  /** The last WAL position replayed, i.e. visible to queries on the standby. */
  replayPosition: WalPosition | null;
  /** Replay paused by pg_wal_replay_pause(); null when not in recovery. */
  replayPaused: boolean | null;
}

/**
 * The primary's WAL position as written out, for measuring lag: a standby cannot have received
 * more than has been written.
 */
export async function probePrimaryPosition(pool: StratumPool, timeoutMs: number): Promise<WalPosition> {
  const rows = await query<{ lsn: string }>(pool, 'SELECT pg_current_wal_lsn()::text AS lsn', timeoutMs);
  return WalPosition.parse(rows[0]?.lsn ?? '');
}

/**
 * The position a write that has just returned is certainly below. pg_current_wal_lsn() could be
 * behind our own commit record when synchronous_commit is off (the record may still sit in WAL
 * buffers); the insert position never is.
 */
export async function readWriteToken(pool: StratumPool, timeoutMs: number): Promise<WalPosition> {
  const rows = await query<{ lsn: string }>(
    pool,
    'SELECT pg_current_wal_insert_lsn()::text AS lsn',
    timeoutMs,
  );
  return WalPosition.parse(rows[0]?.lsn ?? '');
}

export async function probeStandby(pool: StratumPool, timeoutMs: number): Promise<StandbyState> {
  const rows = await query<{
    in_recovery: boolean;
    replay_lsn: string | null;
    replay_paused: boolean | null;
  }>(
    pool,
    // pg_is_wal_replay_paused() raises an error outside recovery, hence the CASE.
    `SELECT pg_is_in_recovery() AS in_recovery,
            pg_last_wal_replay_lsn()::text AS replay_lsn,
            CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS replay_paused`,
    timeoutMs,
  );
  const row = rows[0];
  if (!row) throw new Error('the standby probe returned no row');
  return {
    inRecovery: row.in_recovery,
    replayPosition: row.replay_lsn === null ? null : WalPosition.parse(row.replay_lsn),
    replayPaused: row.replay_paused,
  };
}

/**
 * query_timeout makes pg drop a connection whose server stopped answering (rather than leave it
 * busy in the pool); the race also bounds the wait for a connection, which the pool's own
 * timeout may allow to be longer.
 */
async function query<R>(pool: StratumPool, text: string, timeoutMs: number): Promise<R[]> {
  // pg reads query_timeout from a query's config; @types/pg only declares it on the client's.
  const config: pg.QueryConfig & { query_timeout: number } = { text, query_timeout: timeoutMs };
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      pool.query(config),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return result.rows as R[];
  } finally {
    clearTimeout(timer);
  }
}
