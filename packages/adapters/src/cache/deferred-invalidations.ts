import type { CacheEntry, CacheKeys } from './cache-keys';
import type { Invalidation } from './cache.port';
import type { RepositoryCache } from './repository-cache';

/**
 * The cache as seen from inside a unit of work. Reads skip the cache: they must see the
 * transaction's own writes, and an uncommitted value must never be stored for others.
 * Invalidations are only collected; CachingUnitOfWork applies them once the transaction is over.
 */
export class DeferredInvalidations implements RepositoryCache {
  private readonly pendingKeys = new Set<string>();
  private readonly pendingNamespaces = new Set<string>();

  constructor(readonly keys: CacheKeys) {}

  read<T>(_entry: CacheEntry<T>, load: () => Promise<T>): Promise<T> {
    return load();
  }

  async invalidate(invalidation: Invalidation): Promise<void> {
    for (const key of invalidation.keys) this.pendingKeys.add(key);
    for (const namespace of invalidation.namespaces) this.pendingNamespaces.add(namespace);
  }

  collected(): Invalidation {
    return { keys: [...this.pendingKeys], namespaces: [...this.pendingNamespaces] };
  }
}
