import type { ExclusiveJobs, ExclusiveRun, JobRepositories } from '@stratum/domain';
import type { ReadThroughCache } from '../read-through/read-through.cache';
import { cacheRepositories } from './cache-repositories';
import { DeferredInvalidations } from './caching-unit-of-work';

/**
 * Wraps any ExclusiveJobs as CachingUnitOfWork wraps a unit of work: a job's writes (the
 * pending-order sweep gives stock back) invalidate what they change once the job's transaction is
 * over, never before its commit, and whether it committed or not (see CachingUnitOfWork).
 */
export class CachingExclusiveJobs implements ExclusiveJobs {
  constructor(
    private readonly inner: ExclusiveJobs,
    private readonly cache: ReadThroughCache,
  ) {}

  async runAlone<T>(
    job: string,
    work: (repositories: JobRepositories) => Promise<T>,
  ): Promise<ExclusiveRun<T>> {
    const deferred = new DeferredInvalidations(this.cache.keys);
    try {
      return await this.inner.runAlone(job, (repositories) =>
        work({ ...cacheRepositories(repositories, deferred), sessions: repositories.sessions }),
      );
    } finally {
      await this.cache.invalidate(deferred.collected());
    }
  }
}
