import { CACHE_CONFIG_DEFAULTS, type CacheConfig } from './cache-config';
import { CacheKeys } from './read-through/cache-keys';
import { ReadThroughCache } from './read-through/read-through.cache';
import type { Cache } from './store/cache.port';
import { InProcessLruCache } from './store/in-process-lru.cache';
import { createRedisClient } from './store/redis-client';
import { RedisCache } from './store/redis.cache';

/**
 * The application's cache: Redis when a URL is given, else an in-process LRU. Share the result
 * between every cached repository and the CachingUnitOfWork, and close it on shutdown.
 */
export function createCache(config: Partial<CacheConfig> = {}): ReadThroughCache {
  const settings = { ...CACHE_CONFIG_DEFAULTS, ...config };
  const cache: Cache = settings.redisUrl
    ? new RedisCache(
        createRedisClient(settings.redisUrl, {
          commandTimeoutMs: settings.redisCommandTimeoutMs,
          connectTimeoutMs: 1_000,
        }),
        { commandTimeoutMs: settings.redisCommandTimeoutMs, cooldownMs: settings.breakerCooldownMs },
      )
    : new InProcessLruCache({ maxEntries: settings.lruMaxEntries });
  return new ReadThroughCache(cache, new CacheKeys(settings.keyPrefix), {
    entityTtlMs: settings.ttlSeconds * 1_000,
    searchTtlMs: settings.searchTtlSeconds * 1_000,
  });
}
