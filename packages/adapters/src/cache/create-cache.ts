import { CACHE_CONFIG_DEFAULTS, type CacheConfig } from './cache-config';
import { CacheKeys } from './read-through/cache-keys';
import { ReadThroughCache } from './read-through/read-through.cache';
import type { Cache } from './store/cache.port';
import { InProcessLruCache } from './store/in-process-lru.cache';
import { redisClientFor } from './store/redis-client';
import { RedisCache } from './store/redis.cache';

/**
 * The application's cache: a Redis Cluster when its nodes are given, else Redis when a URL is,
 * else an in-process LRU. In front of Redis sits a near cache of decoded values (see
 * ReadThroughCache), unless CACHE_NEAR_MAX_ENTRIES is 0. Share the result between every cached repository and the
 * CachingUnitOfWork, and close it on shutdown.
 */
export function createCache(config: Partial<CacheConfig> = {}): ReadThroughCache {
  const settings = { ...CACHE_CONFIG_DEFAULTS, ...config };
  const client = redisClientFor(settings);
  const cache: Cache = client
    ? new RedisCache(client, {
        commandTimeoutMs: settings.redisCommandTimeoutMs,
        cooldownMs: settings.breakerCooldownMs,
      })
    : new InProcessLruCache({ maxEntries: settings.lruMaxEntries });
  return new ReadThroughCache(cache, new CacheKeys(settings.keyPrefix), {
    entityTtlMs: settings.ttlSeconds * 1_000,
    searchTtlMs: settings.searchTtlSeconds * 1_000,
    // In front of the in-process LRU a second copy would only double the memory.
    nearMaxEntries: client ? settings.nearMaxEntries : 0,
    nearMaxBytes: settings.nearMaxMb * 1024 * 1024,
  });
}
