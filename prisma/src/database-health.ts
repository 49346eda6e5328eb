import type { PoolStats, StratumPool } from './pg-pool';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  pool: PoolStats;
  error?: string;
}

/** Round-trips `SELECT 1` through the pool, bounded by a timeout so a hung server reports as down. */
export async function checkDatabaseHealth(pool: StratumPool, timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: elapsed(started), pool: pool.stats() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: elapsed(started), pool: pool.stats(), error: message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
