import { describe, expect, it } from 'vitest';
import { cacheContract } from '../support/cache.contract';
import {
  REDIS_CLUSTER_MISSING,
  REDIS_CLUSTER_SKIP_NOTE,
  useRedisClusterCaches,
} from '../support/redis-cluster-caches';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from '../support/redis-test-support';

const redis = useRedisCaches('redis-cache');
const cluster = useRedisClusterCaches('redis-cache');

cacheContract(
  `Redis${REDIS_SKIP_NOTE}`,
  async () => ({ cache: await redis.cache(), prefix: redis.newPrefix() }),
  !REDIS_URL,
);

// Every script and command names one key, so the same promises hold with keys spread over slots.
cacheContract(
  `Redis Cluster, 3 masters and 3 replicas${REDIS_CLUSTER_SKIP_NOTE}`,
  async () => ({ cache: await cluster.cache(), prefix: cluster.newPrefix() }),
  REDIS_CLUSTER_MISSING !== null,
);

describe.skipIf(!REDIS_URL)(`RedisCache storage${REDIS_SKIP_NOTE}`, () => {
  it('stores an entry as one hash of ticket and value that expires with its TTL', async () => {
    const cache = await redis.cache();
    const admin = await redis.client();
    const key = `${redis.newPrefix()}:entry`;
    const found = await cache.lookup(key, 5_000);
    if (found.kind !== 'miss') throw new Error('expected a miss');
    await cache.fill(key, found.ticket, 'value', 30_000);

    expect(await admin.hgetall(key)).toEqual({ t: found.ticket, v: 'value' });
    const ttl = await admin.pttl(key);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('gives a pending lease only the lease time to live', async () => {
    const cache = await redis.cache();
    const admin = await redis.client();
    const key = `${redis.newPrefix()}:leased`;
    await cache.lookup(key, 2_000);

    expect(await admin.hexists(key, 'v')).toBe(0);
    expect(await admin.pttl(key)).toBeLessThanOrEqual(2_000);
  });

  it('survives Redis forgetting its scripts (as after a restart)', async () => {
    const cache = await redis.cache();
    const admin = await redis.client();
    await admin.script('FLUSH');

    expect((await cache.lookup(`${redis.newPrefix()}:after-flush`, 1_000)).kind).toBe('miss');
  });

  it('records latency per operation', async () => {
    const cache = await redis.cache();
    await cache.lookup(`${redis.newPrefix()}:timed`, 1_000);
    await cache.health();

    const { latency } = cache.stats.snapshot();
    expect(latency.lookup?.count).toBe(1);
    expect(latency.ping?.count).toBe(1);
    expect(latency.lookup?.buckets['+Inf']).toBe(1);
  });
});
