import { ConflictError } from '@stratum/domain';
import { isTransientFailure } from './database-error';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 250 };

/**
 * How often transactions were re-run and how often they gave up, for /metrics: a rising
 * `exhausted` is contention that retries no longer absorb. One counter per object graph, handed
 * to everything that retries: a process global would mix two graphs (two test apps, a bench run
 * beside the API) into one figure.
 */
export class RetryCounter {
  retried = 0;
  exhausted = 0;

  snapshot(): { retried: number; exhausted: number } {
    return { retried: this.retried, exhausted: this.exhausted };
  }
}

export interface TransientRetryOptions {
  /** Where re-runs and give-ups are counted. */
  readonly retries: RetryCounter;
  readonly policy?: RetryPolicy;
}

/**
 * Runs a whole transaction again when PostgreSQL aborted it as a serialization failure or a
 * deadlock victim, with exponential backoff and full jitter so that the colliding transactions
 * do not collide again in lockstep. Any other error passes through at once.
 */
export async function withTransientRetry<T>(
  operation: string,
  attempt: () => Promise<T>,
  { retries, policy = DEFAULT_RETRY_POLICY }: TransientRetryOptions,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransientFailure(error)) throw error;
      if (tries >= policy.maxAttempts) {
        retries.exhausted++;
        throw Object.assign(new ConflictError(tries, operation), { cause: error });
      }
      retries.retried++;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
      await sleep(Math.random() * ceiling);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
