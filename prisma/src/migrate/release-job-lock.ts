/**
 * One release job at a time, without a waiting statement. Prisma Migrate serializes deploys with a
 * blocking `pg_advisory_lock`, but a job blocked in that call holds a snapshot, and a
 * `CREATE INDEX CONCURRENTLY` that the other job is running waits for every older snapshot to end:
 * each waits for the other, PostgreSQL breaks the deadlock by failing the index build, and the
 * migration is left failed. Release jobs therefore queue here first, on a lock of their own taken
 * with `pg_try_advisory_lock` between pauses: an idle session holds no snapshot, so the job that
 * runs never waits for the one that queues.
 */
import pg from 'pg';

/** Not Prisma's key (72707369): the job holding this one must still take Prisma's. */
export const RELEASE_JOB_LOCK_KEY = 0x5374726d; // "Strm"

export interface ReleaseJobLockOptions {
  readonly pollMs?: number;
  /** How long to queue behind another job before giving up. */
  readonly timeoutMs?: number;
  readonly onWait?: () => void;
}

export class ReleaseJobLockTimeoutError extends Error {
  readonly code = 'RELEASE_JOB_LOCK_TIMEOUT';
}

export async function withReleaseJobLock<T>(
  url: string,
  run: () => Promise<T> | T,
  { pollMs = 250, timeoutMs = 15 * 60_000, onWait }: ReleaseJobLockOptions = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let waited = false;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        RELEASE_JOB_LOCK_KEY,
      ]);
      if (rows[0]?.locked) break;
      if (Date.now() >= deadline) {
        throw new ReleaseJobLockTimeoutError(
          `another release job held the migration lock for ${timeoutMs} ms`,
        );
      }
      if (!waited) onWait?.();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    // Ending the session releases the lock too, should the job die before the unlock.
    return await run();
  } finally {
    await client.end().catch(() => undefined);
  }
}
