import { describe, expect, it } from 'vitest';
import {
  InProcessAttemptWindows,
  InsuredAttemptWindows,
  RedisAttemptWindows,
  StoreOutage,
  limitKey,
} from '../../src/rate-limits';
import { createRedisClient } from '../../src/cache/store/redis-client';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from '../cache/support/redis-test-support';
import { attemptWindowsContract } from './attempt-windows.contract';

const redis = useRedisCaches('attempt-windows');
const T0 = Date.UTC(2030, 0, 1);

attemptWindowsContract('in process', async () => new InProcessAttemptWindows());
attemptWindowsContract(
  `Redis${REDIS_SKIP_NOTE}`,
  async () => new RedisAttemptWindows(await redis.client(), redis.newPrefix()),
  !REDIS_URL,
);
attemptWindowsContract(
  `Redis insured by the process${REDIS_SKIP_NOTE}`,
  async () =>
    new InsuredAttemptWindows(
      new RedisAttemptWindows(await redis.client(), redis.newPrefix()),
      new InProcessAttemptWindows(),
      new StoreOutage(5_000),
    ),
  !REDIS_URL,
);
// Redis down from the start: the insurance answers every call, and the contract still holds.
attemptWindowsContract('Redis unreachable, insured by the process', async () => {
  const dead = createRedisClient('redis://127.0.0.1:1', { commandTimeoutMs: 50, connectTimeoutMs: 50 });
  dead.on('error', () => {});
  return new InsuredAttemptWindows(
    new RedisAttemptWindows(dead, 'stratum-test:dead'),
    new InProcessAttemptWindows(),
    new StoreOutage(60_000),
  );
});

describe.skipIf(!REDIS_URL)(`Attempt windows in Redis${REDIS_SKIP_NOTE}`, () => {
  it('are shared by every client of the same Redis and prefix, as by several instances', async () => {
    const prefix = redis.newPrefix();
    const limit = { name: 'login', limit: 4, windowMs: 60_000 };
    const [a, b] = [
      new RedisAttemptWindows(await redis.client(), prefix).window(limit),
      new RedisAttemptWindows(await redis.client(), prefix).window(limit),
    ];

    for (let i = 0; i < 4; i++)
      expect((await (i % 2 ? a : b).hit('ada@example.test', T0)).allowed).toBe(true);

    expect((await a.hit('ada@example.test', T0)).allowed).toBe(false);
    expect((await b.hit('ada@example.test', T0)).allowed).toBe(false);
    // Another prefix (another deployment or test run) counts on its own.
    const other = new RedisAttemptWindows(await redis.client(), redis.newPrefix()).window(limit);
    expect((await other.hit('ada@example.test', T0)).allowed).toBe(true);
  });

  it('store the key under the prefix with the caller’s part hashed, expiring a window after the latest hit', async () => {
    const client = await redis.client();
    const prefix = redis.newPrefix();
    const email = 'x@example.test\r\n*3 DEL {other}';
    await new RedisAttemptWindows(client, prefix)
      .window({ name: 'login', limit: 2, windowMs: 60_000 })
      .hit(email, Date.now());

    const [key] = await client.keys(`${prefix}:*`);
    expect(key).toBe(limitKey(prefix, 'login', email));
    expect(key).toMatch(new RegExp(`^${prefix}:login:[A-Za-z0-9_-]{43}$`));
    expect(await client.pttl(key!)).toBeGreaterThan(55_000);
  });
});

describe('Attempt windows insured by the process', () => {
  it('count in memory while Redis fails, say so once, and never throw', async () => {
    const dead = createRedisClient('redis://127.0.0.1:1', { commandTimeoutMs: 50, connectTimeoutMs: 50 });
    dead.on('error', () => {});
    const outages: unknown[] = [];
    const window = new InsuredAttemptWindows(
      new RedisAttemptWindows(dead, 'stratum-test:dead'),
      new InProcessAttemptWindows(),
      new StoreOutage(0, (error) => outages.push(error)),
    ).window({ name: 'login', limit: 2, windowMs: 60_000 });

    const results = [];
    for (let i = 0; i < 3; i++) results.push((await window.hit('k', T0)).allowed);
    await window.reset('k');

    expect(results).toEqual([true, true, false]);
    expect(outages).toHaveLength(1);
    dead.disconnect();
  });
});
