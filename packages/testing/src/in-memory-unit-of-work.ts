import type { Repositories, UnitOfWork } from '@stratum/domain';
import { createInMemoryRepositories } from './in-memory-repositories';
import type { InMemoryStore } from './in-memory-store';

/**
 * Serialises units of work on the store's lock (every other repository call waits too, as if
 * the whole store were SERIALIZABLE), and on failure restores the snapshot taken at the start:
 * nothing `work` did survives, and nothing anyone else did is lost, because nobody else could
 * write in between.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  constructor(private readonly store: InMemoryStore) {}

  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.store.exclusive(async () => {
      const snapshot = this.store.snapshot();
      const repositories = createInMemoryRepositories(this.store, { inUnitOfWork: true });
      try {
        return await this.store.withinUnitOfWork(() => work(repositories));
      } catch (error) {
        this.store.restore(snapshot);
        throw error;
      }
    });
  }
}
