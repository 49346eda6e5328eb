import type { Cluster, Redis } from 'ioredis';
import type { AttemptWindows } from './attempt-window.port';
import { InProcessAttemptWindows } from './in-process-attempt-windows';
import { InsuredAttemptWindows } from './insured-attempt-windows';
import { RedisAttemptWindows } from './redis-attempt-windows';
import { RateLimiterFlexibleRequestLimiter, type RequestLimit, type RequestLimiter } from './request-limiter';
import { StoreOutage } from './store-outage';

/** Where the API's limits count: attempts (logins, sign-ups) and requests. */
export interface RateLimitStores {
  readonly attempts: AttemptWindows;
  requests(limit: RequestLimit): RequestLimiter;
  /** Whether the counts are shared through Redis by every instance. */
  readonly shared: boolean;
}

export interface RateLimitStoreOptions {
  /** Null: in this process only. The caller owns the client (and closes it). */
  readonly redis: Redis | Cluster | null;
  /** Namespace of every Redis key. */
  readonly keyPrefix: string;
  /** After a Redis failure, how long limits count in memory before Redis is tried again. */
  readonly outageCooldownMs: number;
  /** Told when Redis fails after a good spell; the limits go on in memory meanwhile. */
  readonly onOutage?: (error: unknown) => void;
}

export function createRateLimitStores(options: RateLimitStoreOptions): RateLimitStores {
  const local = new InProcessAttemptWindows();
  const { redis, keyPrefix } = options;
  if (!redis) {
    return {
      attempts: local,
      requests: (limit) => new RateLimiterFlexibleRequestLimiter(limit, keyPrefix, null),
      shared: false,
    };
  }
  // ioredis reports a lost connection as an 'error' event too; the outage callback reports it.
  redis.on('error', () => {});
  const outage = new StoreOutage(options.outageCooldownMs, options.onOutage);
  return {
    attempts: new InsuredAttemptWindows(new RedisAttemptWindows(redis, keyPrefix), local, outage),
    requests: (limit) => new RateLimiterFlexibleRequestLimiter(limit, keyPrefix, { client: redis, outage }),
    shared: true,
  };
}
