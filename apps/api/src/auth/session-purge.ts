import type { ExclusiveJob } from '../jobs/exclusive-job.schedule';

/**
 * Deletes ended sessions, so the table holds live ones only; its result is how many went. Every
 * instance schedules it and one at a time runs it (see scheduleExclusiveJob): deleting what ended
 * before `now` is safe to repeat.
 */
export function sessionPurgeJob(intervalMs: number): ExclusiveJob<number> {
  return {
    name: 'session-purge',
    intervalMs,
    run: ({ sessions }, now) => sessions.deleteEndedBefore(now),
  };
}
