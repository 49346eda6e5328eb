export type { Cache, CacheHealth, CacheLookup, Invalidation } from './store/cache.port';
export { CacheUnavailableError } from './store/cache.port';
export { CacheStats, CACHE_COUNTERS, type CacheCounter, type CacheStatsSnapshot } from './store/cache-stats';
export { CACHE_CONFIG_DEFAULTS, readCacheConfig, type CacheConfig } from './cache-config';
export { CACHE_ENV } from './cache-env';
export { createCache } from './create-cache';
export { CacheKeys } from './read-through/cache-keys';
export {
  ReadThroughCache,
  READ_THROUGH_DEFAULTS,
  type ReadThroughOptions,
} from './read-through/read-through.cache';
export { RedisCache, REDIS_CACHE_DEFAULTS, type RedisCacheOptions } from './store/redis.cache';
export { createRedisClient, createRedisClusterClient, redisClientFor } from './store/redis-client';
export { InProcessLruCache, type InProcessLruOptions } from './store/in-process-lru.cache';
export { CachedUserRepository } from './repositories/cached-user.repository';
export { CachedProductRepository } from './repositories/cached-product.repository';
export { ProductInvalidatingOrderRepository } from './repositories/product-invalidating-order.repository';
export { CachingUnitOfWork } from './repositories/caching-unit-of-work';
export { CachingExclusiveJobs } from './repositories/caching-exclusive-jobs';
export { cacheRepositories } from './repositories/cache-repositories';
export type { RepositoryCache } from './read-through/repository-cache';
