import { describe, expect, it } from 'vitest';
import { CACHE_CONFIG_DEFAULTS, readCacheConfig } from '../../src/cache/cache-config';
import { createCache } from '../../src/cache/create-cache';
import {
  REDIS_CLUSTER_MISSING,
  REDIS_CLUSTER_SKIP_NOTE,
  useRedisClusterCaches,
} from './support/redis-cluster-caches';
import { REDIS_SKIP_NOTE, REDIS_URL } from './support/redis-test-support';

describe('readCacheConfig', () => {
  it('uses the defaults for an empty environment, with no Redis', () => {
    expect(readCacheConfig({})).toEqual(CACHE_CONFIG_DEFAULTS);
    expect(CACHE_CONFIG_DEFAULTS.redisUrl).toBeNull();
  });

  it('reads every setting', () => {
    const config = readCacheConfig({
      REDIS_URL: ' redis://cache:6379 ',
      CACHE_KEY_PREFIX: 'shop:cache',
      CACHE_TTL_SECONDS: '120',
      CACHE_SEARCH_TTL_SECONDS: '15',
      CACHE_LRU_MAX_ENTRIES: '500',
      CACHE_NEAR_MAX_ENTRIES: '0',
      CACHE_NEAR_MAX_MB: '8',
      CACHE_REDIS_TIMEOUT_MS: '50',
      CACHE_BREAKER_COOLDOWN_MS: '2000',
    });
    expect(config).toEqual({
      redisUrl: 'redis://cache:6379',
      redisClusterNodes: null,
      keyPrefix: 'shop:cache',
      ttlSeconds: 120,
      searchTtlSeconds: 15,
      lruMaxEntries: 500,
      nearMaxEntries: 0,
      nearMaxMb: 8,
      redisCommandTimeoutMs: 50,
      breakerCooldownMs: 2_000,
    });
  });

  it('treats a blank REDIS_URL as unset', () => {
    expect(readCacheConfig({ REDIS_URL: '  ' }).redisUrl).toBeNull();
  });

  it('reads the nodes of a Redis Cluster, as host:port or URLs', () => {
    expect(
      readCacheConfig({ REDIS_CLUSTER_NODES: ' cache-1:7000, cache-2:7000 ,rediss://:secret@cache-3:7000' })
        .redisClusterNodes,
    ).toEqual(['cache-1:7000', 'cache-2:7000', 'rediss://:secret@cache-3:7000']);
  });

  it('refuses a cluster node without a port, and REDIS_URL beside REDIS_CLUSTER_NODES', () => {
    expect(() => readCacheConfig({ REDIS_CLUSTER_NODES: 'cache-1' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() =>
      readCacheConfig({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: 'cache-1:7000' }),
    ).toThrow(/not both/);
  });

  it('refuses a setting that is not a positive whole number, naming it', () => {
    expect(() => readCacheConfig({ CACHE_TTL_SECONDS: '0' })).toThrow(/CACHE_TTL_SECONDS/);
    expect(() => readCacheConfig({ CACHE_REDIS_TIMEOUT_MS: '1.5' })).toThrow(/CACHE_REDIS_TIMEOUT_MS/);
    expect(() => readCacheConfig({ CACHE_NEAR_MAX_MB: '0' })).toThrow(/CACHE_NEAR_MAX_MB/);
    expect(() => readCacheConfig({ CACHE_NEAR_MAX_ENTRIES: '-1' })).toThrow(/CACHE_NEAR_MAX_ENTRIES/);
  });
});

describe('createCache', () => {
  it('keeps the cache in process when no Redis URL is given', async () => {
    const cache = createCache({});
    expect(cache.cache.backend).toBe('memory');
    expect((await cache.health()).status).toBe('up');
    await cache.close();
  });

  it.skipIf(!REDIS_URL)(`uses Redis when a URL is given${REDIS_SKIP_NOTE}`, async () => {
    const cache = createCache({ redisUrl: REDIS_URL, keyPrefix: 'stratum-test:create-cache' });
    try {
      expect(cache.cache.backend).toBe('redis');
      await expect.poll(async () => (await cache.health()).status, { timeout: 3_000 }).toBe('up');
    } finally {
      await cache.close();
    }
  });

  it.skipIf(!REDIS_URL)(
    `puts a near cache in front of Redis, unless CACHE_NEAR_MAX_ENTRIES is 0${REDIS_SKIP_NOTE}`,
    async () => {
      const keyPrefix = `stratum-test:create-cache:${crypto.randomUUID()}`;
      for (const [nearMaxEntries, kept] of [
        [10, 1],
        [0, 0],
      ] as const) {
        const cache = createCache({ redisUrl: REDIS_URL, keyPrefix, nearMaxEntries });
        try {
          await expect.poll(async () => (await cache.health()).status, { timeout: 3_000 }).toBe('up');
          await cache.read(cache.keys.user('00000000-0000-4000-8000-000000000002'), async () => null);
          expect(cache.nearSize).toBe(kept);
        } finally {
          await cache.invalidate({
            keys: [cache.keys.user('00000000-0000-4000-8000-000000000002').key],
            namespaces: [],
          });
          await cache.close();
        }
      }
    },
  );

  const cluster = useRedisClusterCaches('create-cache');
  it.skipIf(REDIS_CLUSTER_MISSING !== null)(
    `uses a Redis Cluster when its nodes are given${REDIS_CLUSTER_SKIP_NOTE}`,
    async () => {
      const nodes = (await cluster.cluster()).nodesSetting;
      const cache = createCache(readCacheConfig({ REDIS_CLUSTER_NODES: nodes, CACHE_KEY_PREFIX: 'test' }));
      try {
        expect(cache.cache.backend).toBe('redis');
        await expect.poll(async () => (await cache.health()).status, { timeout: 5_000 }).toBe('up');
        const key = cache.keys.user('00000000-0000-4000-8000-000000000001');
        await expect
          .poll(async () => (await cache.cache.lookup(key.key, 1_000)).kind, { timeout: 5_000 })
          .toBe('miss');
      } finally {
        await cache.close();
      }
    },
  );
});
