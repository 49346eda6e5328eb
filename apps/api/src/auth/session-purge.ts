import type { ExclusiveJobs } from '@stratum/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../config/clock';

/** The job's name, the same on every instance: its lock is what keeps two purges apart. */
export const SESSION_PURGE_JOB = 'session-purge';

/**
 * Deletes ended sessions now and then, so the table holds live ones only. Every instance runs the
 * timer; the job's lock lets one purge at a time, and an instance that finds it taken skips the
 * round (deleting what ended is safe to repeat). The timer is unref'd and a failed run is only
 * logged: housekeeping must never keep the process up or bring it down.
 */
export function startSessionPurge(
  jobs: ExclusiveJobs,
  clock: Clock,
  log: FastifyBaseLogger,
  intervalMs: number,
): () => void {
  const timer = setInterval(() => void purgeEndedSessions(jobs, clock, log), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** One round of the purge; resolves whatever happens. */
export async function purgeEndedSessions(
  jobs: ExclusiveJobs,
  clock: Clock,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    const run = await jobs.runAlone(SESSION_PURGE_JOB, ({ sessions }) =>
      sessions.deleteEndedBefore(clock.now()),
    );
    if (run.ran) log.info({ job: SESSION_PURGE_JOB, deleted: run.value }, 'ended sessions purged');
    else log.info({ job: SESSION_PURGE_JOB }, 'session purge skipped: another instance is running it');
  } catch (error) {
    log.warn({ err: error, job: SESSION_PURGE_JOB }, 'purging ended sessions failed');
  }
}
