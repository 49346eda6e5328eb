import type { Repositories, UnitOfWork } from '@stratum/domain';
import type { CacheEntry, CacheKeys } from '../read-through/cache-keys';
import type { ReadThroughCache } from '../read-through/read-through.cache';
import type { RepositoryCache } from '../read-through/repository-cache';
import type { Invalidation } from '../store/cache.port';
import { cacheRepositories } from './cache-repositories';

/**
 * Wraps any UnitOfWork. `work` gets cached repositories whose reads bypass the cache and whose
 * invalidations wait until the transaction is over. Invalidating earlier would let a concurrent
 * reader load the still-committed old row and store it right before the commit.
 *
 * Invalidations are applied whether `run` resolves or rejects: a clean rollback changed nothing,
 * so they only cost a few misses, but a failure around COMMIT (a lost connection) leaves the
 * outcome unknown, and then invalidating is the only safe choice. Retried attempts (see
 * PrismaUnitOfWork) add to the same collection, which is harmless for the same reason.
 */
export class CachingUnitOfWork implements UnitOfWork {
  constructor(
    private readonly inner: UnitOfWork,
    private readonly cache: ReadThroughCache,
  ) {}

  async run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    const deferred = new DeferredInvalidations(this.cache.keys);
    try {
      return await this.inner.run((repositories) => work(cacheRepositories(repositories, deferred)));
    } finally {
      await this.cache.invalidate(deferred.collected());
    }
  }
}

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
