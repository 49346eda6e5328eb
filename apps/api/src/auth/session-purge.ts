import type { SessionRepository } from '@stratum/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../config/clock';

const EVERY_HOUR = 60 * 60_000;

/**
 * Deletes ended sessions now and then, so the table holds live ones only. The timer is unref'd and
 * a failed run is only logged: housekeeping must never keep the process up or bring it down.
 */
export function startSessionPurge(
  sessions: SessionRepository,
  clock: Clock,
  log: FastifyBaseLogger,
  intervalMs = EVERY_HOUR,
): () => void {
  const timer = setInterval(() => {
    sessions
      .deleteEndedBefore(clock.now())
      .then((deleted) => log.debug({ deleted }, 'ended sessions purged'))
      .catch((error: unknown) => log.warn({ err: error }, 'purging ended sessions failed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
