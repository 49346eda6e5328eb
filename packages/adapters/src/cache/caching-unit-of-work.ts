import type { Repositories, UnitOfWork } from '@stratum/domain';
import { cacheRepositories } from './cache-repositories';
import { DeferredInvalidations } from './deferred-invalidations';
import type { ReadThroughCache } from './read-through.cache';

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
