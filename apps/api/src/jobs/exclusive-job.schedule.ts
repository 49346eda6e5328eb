import type { ExclusiveJobs, JobRepositories } from '@stratum/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../config/clock';

/** Housekeeping that every instance schedules and one instance at a time runs. */
export interface ExclusiveJob<T = unknown> {
  /** The same on every instance: the job's lock is taken by this name. */
  readonly name: string;
  readonly intervalMs: number;
  /** Does what is due at `now`; must be safe to run again (another instance may do the next round). */
  run(repositories: JobRepositories, now: Date): Promise<T>;
}

/**
 * Runs the job every `intervalMs` on this instance; rounds that find the job running elsewhere
 * are skipped. The timer is unref'd and a failed round is only logged: housekeeping must never
 * keep the process up or bring it down. Every round logs `{ job, outcome }` (ran, skipped, failed).
 */
export function scheduleExclusiveJob(
  jobs: ExclusiveJobs,
  job: ExclusiveJob,
  clock: Clock,
  log: FastifyBaseLogger,
): () => void {
  const timer = setInterval(() => void runExclusiveJobOnce(jobs, job, clock, log), job.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** One round; resolves whatever happens. */
export async function runExclusiveJobOnce<T>(
  jobs: ExclusiveJobs,
  job: ExclusiveJob<T>,
  clock: Clock,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    const run = await jobs.runAlone(job.name, (repositories) => job.run(repositories, clock.now()));
    if (run.ran) log.info({ job: job.name, outcome: 'ran', result: run.value }, `${job.name}: ran`);
    else
      log.info({ job: job.name, outcome: 'skipped' }, `${job.name}: skipped, another instance is running it`);
  } catch (error) {
    log.warn({ err: error, job: job.name, outcome: 'failed' }, `${job.name}: failed`);
  }
}
