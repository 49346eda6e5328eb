import type { SessionRepository } from '../sessions/session.repository.port';
import type { Repositories } from './unit-of-work.port';

/** What a job works through: the repositories, sessions included, all on the job's transaction. */
export type JobRepositories = Repositories & { readonly sessions: SessionRepository };

export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Housekeeping that every instance of the API schedules but that must not run on two at once
 * (the session purge, the pending-order sweeper). Whoever finds the job's lock free runs it; the
 * others skip that round rather than queue behind it, so a job is written to be safe to run
 * again (each round does what is due at its own time).
 */
export interface ExclusiveJobs {
  /**
   * Runs `work` in one transaction holding the job's lock, which ends with the transaction (a
   * crashed instance holds nothing). Resolves to `{ ran: false }`, without waiting, while another
   * process or call holds it; a failure of `work` rolls its writes back and is rethrown.
   */
  runAlone<T>(job: string, work: (repositories: JobRepositories) => Promise<T>): Promise<ExclusiveRun<T>>;
}
