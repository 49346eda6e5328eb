import { describe, expect, it } from 'vitest';
import { CACHE_CONFIG_DEFAULTS, readCacheConfig } from '../../src/cache/cache-config';
import { createCache } from '../../src/cache/create-cache';
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
      CACHE_REDIS_TIMEOUT_MS: '50',
      CACHE_BREAKER_COOLDOWN_MS: '2000',
    });
    expect(config).toEqual({
      redisUrl: 'redis://cache:6379',
      keyPrefix: 'shop:cache',
      ttlSeconds: 120,
      searchTtlSeconds: 15,
      lruMaxEntries: 500,
      redisCommandTimeoutMs: 50,
      breakerCooldownMs: 2_000,
    });
  });

  it('treats a blank REDIS_URL as unset', () => {
    expect(readCacheConfig({ REDIS_URL: '  ' }).redisUrl).toBeNull();
  });

  it('refuses a setting that is not a positive whole number, naming it', () => {
    expect(() => readCacheConfig({ CACHE_TTL_SECONDS: '0' })).toThrow(/CACHE_TTL_SECONDS/);
    expect(() => readCacheConfig({ CACHE_REDIS_TIMEOUT_MS: '1.5' })).toThrow(/CACHE_REDIS_TIMEOUT_MS/);
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
});
