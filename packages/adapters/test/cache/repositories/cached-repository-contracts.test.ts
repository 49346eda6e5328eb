import {
  orderRepositoryContract,
  productRepositoryContract,
  unitOfWorkContract,
  userRepositoryContract,
} from '@stratum/testing';
import { describe } from 'vitest';
import { cacheRepositories } from '../../../src/cache/repositories/cache-repositories';
import { useBackends } from '../support/cache-backends';
import { cacheWorld } from '../support/cache-world';

// The decorators must keep every promise of the ports they wrap: the domain's own contract
// suites, run on cached repositories over the in-memory fakes, on each cache backend.
// Without Redis its run is reported as the contracts' own tests, skipped, never as an empty test.
for (const backend of useBackends('cached-contracts', { cluster: true })) {
  const subject = async () => {
    const world = cacheWorld(await backend.make());
    const repositories = cacheRepositories(world.database, world.cache);
    return { ...repositories, repositories, unitOfWork: world.unitOfWork, cleanup: async () => {} };
  };
  describe.skipIf(backend.skip)(`Repository contracts, cached, on ${backend.name}`, () => {
    userRepositoryContract(`cached, on ${backend.name}`, subject);
    productRepositoryContract(`cached, on ${backend.name}`, subject);
    orderRepositoryContract(`cached, on ${backend.name}`, subject);
    unitOfWorkContract(`caching, on ${backend.name}`, subject);
  });
}
