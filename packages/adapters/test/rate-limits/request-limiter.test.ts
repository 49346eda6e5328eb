import { describe, expect, it } from 'vitest';
import { RateLimiterFlexibleRequestLimiter, StoreOutage } from '../../src/rate-limits';
import { createRedisClient } from '../../src/cache/store/redis-client';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from '../cache/support/redis-test-support';

const redis = useRedisCaches('request-limiter');
const limit = { points: 3, windowSeconds: 60 };

describe('The request limiter in process', () => {
  it('counts down the remaining requests, then refuses with the time until the window resets', async () => {
    const limiter = new RateLimiterFlexibleRequestLimiter(limit, 'unused', null);

    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.consume('203.0.113.1'));

    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]!.limit).toBe(3);
    expect(decisions[3]!.resetMs).toBeGreaterThan(55_000);
    expect((await limiter.consume('203.0.113.2')).allowed).toBe(true);
  });
});

describe.skipIf(!REDIS_URL)(`The request limiter in Redis${REDIS_SKIP_NOTE}`, () => {
  it('is shared by every instance on the same prefix', async () => {
    const prefix = redis.newPrefix();
    const instance = async () =>
      new RateLimiterFlexibleRequestLimiter(limit, prefix, {
        client: await redis.client(),
        outage: new StoreOutage(5_000),
      });
    const [a, b] = [await instance(), await instance()];

    const allowed = [];
    for (let i = 0; i < 4; i++) allowed.push((await (i % 2 ? a : b).consume('::1')).allowed);

    expect(allowed).toEqual([true, true, true, false]);
    expect((await b.consume('::1')).allowed).toBe(false);
  });
});

describe('The request limiter with Redis unreachable', () => {
  it('counts in this process instead, and never throws', async () => {
    const dead = createRedisClient('redis://127.0.0.1:1', { commandTimeoutMs: 50, connectTimeoutMs: 50 });
    dead.on('error', () => {});
    const limiter = new RateLimiterFlexibleRequestLimiter(limit, 'stratum-test:dead', {
      client: dead,
      outage: new StoreOutage(0),
    });

    const allowed = [];
    for (let i = 0; i < 4; i++) allowed.push((await limiter.consume('198.51.100.1')).allowed);

    expect(allowed).toEqual([true, true, true, false]);
    dead.disconnect();
  });
});
