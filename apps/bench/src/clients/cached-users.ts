import { cacheRepositories, createCache, createPrismaRepositories } from '@stratum/adapters';
import type { UserRepository } from '@stratum/domain';
import type { PrismaClient } from '@stratum/prisma';
import type { CacheReads } from '../harness/bench-operation';

export interface CachedUsers {
  users: UserRepository;
  /** Reads so far and how many of them the cache answered. */
  reads(): CacheReads;
  close(): Promise<void>;
}

/**
 * Stratum's Redis-cached user repository, built the way the application builds it, or null
 * without REDIS_URL: the "user by id, cached" operation is in the run exactly when this returns
 * one. Keys get a prefix of their own, so the bench never reads or evicts an application's entries.
 */
export async function createCachedUsers(
  prisma: PrismaClient,
  redisUrl: string | undefined,
): Promise<CachedUsers | null> {
  if (!redisUrl) return null;
  // A TTL longer than a run, so that the figures are of a warm cache rather than of its expiry
  // schedule; what a miss costs is the uncached lookup, measured on its own.
  const cache = createCache({ redisUrl, keyPrefix: 'stratum-bench:cache', ttlSeconds: 900 });
  return {
    users: cacheRepositories(createPrismaRepositories(prisma), cache).users,
    reads: () => {
      const [hits, bypassed] = [cache.stats.get('hits'), cache.stats.get('bypassed')];
      return { hits, bypassed, reads: hits + bypassed + cache.stats.get('misses') };
    },
    close: () => cache.close(),
  };
}
