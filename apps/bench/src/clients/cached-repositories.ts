import { cacheRepositories, createCache, createPrismaRepositories, readCacheConfig } from '@stratum/adapters';
import type { ProductRepository, UserRepository } from '@stratum/domain';
import type { PrismaClient } from '@stratum/prisma';
import type { CacheReads } from '../harness/bench-operation';

export interface CachedRepositories {
  users: UserRepository;
  products: ProductRepository;
  /** Reads so far and how many of them the cache answered. */
  reads(): CacheReads;
  close(): Promise<void>;
}

/**
 * Stratum's Redis-cached repositories, built the way the application builds them (with the
 * CACHE_* settings of the environment, so CACHE_NEAR_MAX_ENTRIES=0 measures Redis alone), or null without REDIS_URL: the "..., Redis cache" operations
 * are in the run exactly when this returns one. Keys get a prefix of their own, so the bench
 * never reads or evicts an application's entries.
 */
export async function createCachedRepositories(
  prisma: PrismaClient,
  redisUrl: string | undefined,
): Promise<CachedRepositories | null> {
  if (!redisUrl) return null;
  // A TTL longer than a run, so that the figures are of a warm cache rather than of its expiry
  // schedule; what a miss costs is the uncached lookup, measured on its own.
  const cache = createCache({
    ...readCacheConfig(process.env),
    redisUrl,
    keyPrefix: 'stratum-bench:cache',
    ttlSeconds: 900,
    searchTtlSeconds: 900,
  });
  const repositories = cacheRepositories(createPrismaRepositories(prisma), cache);
  return {
    users: repositories.users,
    products: repositories.products,
    reads: () => {
      const [hits, bypassed] = [cache.stats.get('hits'), cache.stats.get('bypassed')];
      return { hits, bypassed, reads: hits + bypassed + cache.stats.get('misses') };
    },
    close: () => cache.close(),
  };
}
