import type { Cluster, Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { limitKey } from './limit-key';
import type { StoreOutage } from './store-outage';

export interface RequestLimit {
  /** Requests a key may make per window. */
  readonly points: number;
  readonly windowSeconds: number;
}

/** One request counted: whether it may go ahead, and what the RateLimit headers tell the client. */
export interface RequestDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Until the window resets (fixed windows: from the key's first request on). */
  readonly resetMs: number;
}

/** The general per-client request limit, wherever its counters live. */
export interface RequestLimiter {
  consume(key: string): Promise<RequestDecision>;
}

/**
 * Fixed-window counters from rate-limiter-flexible (one INCR-and-expire script per request, one
 * key each, so fine on a Cluster): a request limit is about volume, where a sliding log per client
 * would cost a sorted-set entry per request. With Redis the count is shared by every instance and
 * insured, like the attempt windows, by a count in this process while Redis fails.
 */
export class RateLimiterFlexibleRequestLimiter implements RequestLimiter {
  private readonly local: RateLimiterMemory;
  private readonly shared: RateLimiterRedis | null;
  private readonly outage: StoreOutage | null;

  constructor(
    private readonly limit: RequestLimit,
    private readonly prefix: string,
    redis: { client: Redis | Cluster; outage: StoreOutage } | null,
  ) {
    const options = { points: limit.points, duration: limit.windowSeconds, keyPrefix: '' };
    this.local = new RateLimiterMemory(options);
    this.shared = redis ? new RateLimiterRedis({ ...options, storeClient: redis.client }) : null;
    this.outage = redis?.outage ?? null;
  }

  async consume(key: string): Promise<RequestDecision> {
    const storeKey = limitKey(this.prefix, 'requests', key);
    const { shared, outage } = this;
    if (!shared || !outage) return this.decide(this.local, storeKey);
    return outage.run(
      () => this.decide(shared, storeKey),
      () => this.decide(this.local, storeKey),
    );
  }

  // The library rejects with a RateLimiterRes when the key is over its points, with an Error when
  // the store failed: only the latter goes on to the insurance.
  private async decide(limiter: RateLimiterAbstract, storeKey: string): Promise<RequestDecision> {
    let result: RateLimiterRes;
    let allowed = true;
    try {
      result = await limiter.consume(storeKey);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      result = refusal;
      allowed = false;
    }
    return {
      allowed,
      limit: this.limit.points,
      remaining: Math.max(0, result.remainingPoints),
      resetMs: result.msBeforeNext,
    };
  }
}
