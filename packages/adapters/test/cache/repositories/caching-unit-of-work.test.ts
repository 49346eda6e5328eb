import { PageRequest } from '@stratum/domain';
import { ProductMother, RandomMother, UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, type CacheWorld } from '../support/cache-world';

class DeliberateFailure extends Error {}

for (const backend of useBackends('caching-unit-of-work')) {
  describe.skipIf(backend.skip)(`CachingUnitOfWork on ${backend.name}`, () => {
    let world: CacheWorld;
    beforeEach(async () => {
      world = cacheWorld(await backend.make());
    });

    async function cachedUser() {
      const user = UserMother.random({ name: 'Committed' });
      await world.database.users.save(user);
      await world.users.findById(user.id);
      return user;
    }

    /** Looks at the shared cache directly, without loading anything. */
    async function cachedKind(key: string) {
      return (await world.cache.cache.lookup(key, 1)).kind;
    }

    it('keeps the cached entry until the transaction has committed', async () => {
      const user = await cachedUser();
      const key = world.cache.keys.user(user.id.value).key;

      await world.unitOfWork.run(async ({ users }) => {
        await users.save(user.rename('Uncommitted'));
        expect(await cachedKind(key)).toBe('hit');
      });

      expect(await cachedKind(key)).toBe('miss');
      expect((await world.users.findById(user.id))?.name).toBe('Uncommitted');
    });

    it('reads through to the transaction inside, so it sees its own writes and stores nothing', async () => {
      const user = await cachedUser();
      const before = world.cache.stats.snapshot().counters;

      const seen = await world.unitOfWork.run(async ({ users }) => {
        await users.save(user.rename('Own write'));
        return (await users.findById(user.id))?.name;
      });

      expect(seen).toBe('Own write');
      const after = world.cache.stats.snapshot().counters;
      expect([after.hits, after.misses, after.fills]).toEqual([before.hits, before.misses, before.fills]);
    });

    it('still invalidates after a rollback, which changed nothing and costs only a miss', async () => {
      const user = await cachedUser();
      const failure = new DeliberateFailure('rolled back');

      await expect(
        world.unitOfWork.run(async ({ users }) => {
          await users.save(user.rename('Rolled back'));
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(await cachedKind(world.cache.keys.user(user.id.value).key)).toBe('miss');
      expect((await world.users.findById(user.id))?.name).toBe('Committed');
    });

    it('invalidates the products and search pages an order in the transaction moved', async () => {
      const word = RandomMother.word(10);
      const customer = UserMother.random();
      const product = ProductMother.random({ name: `Stool ${word}`, stock: 2 });
      await world.database.users.save(customer);
      await world.database.products.save(product);
      await world.products.findById(product.id);
      await world.products.search(word, PageRequest.first());

      await world.unitOfWork.run(({ orders }) =>
        orders.placeOrder({ customerId: customer.id, lines: [{ productId: product.id, quantity: 2 }] }),
      );

      expect((await world.products.findById(product.id))?.stock).toBe(0);
      expect(await world.products.search(word, PageRequest.first())).toEqual([]);
    });
  });
}
