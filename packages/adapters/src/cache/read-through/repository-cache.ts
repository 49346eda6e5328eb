import type { CacheKeys, CacheEntry } from './cache-keys';
import type { Invalidation } from '../store/cache.port';

/**
 * What the cached repository decorators need: read through the cache, invalidate after writes.
 * Outside a unit of work that is the shared ReadThroughCache; inside one it is a
 * DeferredInvalidations that reads straight through and holds invalidations until the commit.
 */
export interface RepositoryCache {
  readonly keys: CacheKeys;
  read<T>(entry: CacheEntry<T>, load: () => Promise<T>): Promise<T>;
  /** Never rejects: a write that reached the database must not fail because of the cache. */
  invalidate(invalidation: Invalidation): Promise<void>;
}
