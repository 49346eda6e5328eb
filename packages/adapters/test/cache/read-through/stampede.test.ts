import { PageRequest, type User } from '@stratum/domain';
import { ProductMother, RandomMother, UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, siblingWorld, type CacheWorld } from '../support/cache-world';

const CALLERS = 100;

const backends = useBackends('stampede', { cluster: true });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`Many simultaneous misses, on ${backend.name}`, () => {
    let world: CacheWorld;
    beforeEach(async () => {
      world = cacheWorld(await backend.make());
      // A load slow enough for every caller's lookup to arrive while it runs, even on a cluster whose
      // nodes have not yet cached the scripts (each first EVALSHA costs a NOSCRIPT and an EVAL).
      world.control.delayMs = 200;
    });

    it(`load a user once for ${CALLERS} concurrent callers`, async () => {
      const user = UserMother.random();
      await world.database.users.save(user);

      const found = await Promise.all(Array.from({ length: CALLERS }, () => world.users.findById(user.id)));

      expect(found.every((each) => each?.id.value === user.id.value)).toBe(true);
      expect(world.control.count('users.findById')).toBe(1);
      // Every other caller joined the one load, or (on a loaded machine, arriving after it ended)
      // read what it stored: none went to the database.
      expect(world.cache.stats.get('coalesced') + world.cache.stats.get('hits')).toBe(CALLERS - 1);
    });

    it(`load a search page once for ${CALLERS} concurrent callers`, async () => {
      const word = RandomMother.word(10);
      await world.database.products.save(ProductMother.random({ name: `Desk ${word}` }));

      const pages = await Promise.all(
        Array.from({ length: CALLERS }, () => world.products.search(word, PageRequest.first())),
      );

      expect(pages.every((hits) => hits.length === 1)).toBe(true);
      expect(world.control.count('products.search')).toBe(1);
    });
  });
}

// Shared backends only (Redis, Redis Cluster): the lease is what spans processes.
for (const shared of backends.filter((backend) => backend.sibling)) {
  describe.skipIf(shared.skip)(`Misses in two processes at once, on ${shared.name}`, () => {
    it('load once: the second process waits for the first one’s lease instead of loading', async () => {
      const first = await shared.make();
      const processA = cacheWorld(first, { leaseWaitMs: 2_000 });
      const processB = siblingWorld(processA, await shared.sibling!(first), { leaseWaitMs: 2_000 });
      // The load must outlast the other process's first probe, even on a loaded CI machine where a
      // Cluster round trip can take tens of milliseconds: otherwise that probe finds the value
      // stored and never waits, which is correct but not what this test is about.
      processA.control.delayMs = 400;
      processB.control.delayMs = 400;
      const user = UserMother.random();
      await processA.database.users.save(user);

      const reads: Array<Promise<User | null>> = [];
      for (let i = 0; i < 20; i++)
        reads.push(processA.users.findById(user.id), processB.users.findById(user.id));
      const found = await Promise.all(reads);

      expect(found.every((each) => each?.id.value === user.id.value)).toBe(true);
      expect(processA.control.count('users.findById') + processB.control.count('users.findById')).toBe(1);
      expect(processA.cache.stats.get('leaseWaits') + processB.cache.stats.get('leaseWaits')).toBe(1);
    });
  });
}
