import { PageRequest } from '@stratum/domain';
import { ProductMother, RandomMother, UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, type CacheWorld } from '../support/cache-world';
import { within } from '../support/within';

// The classic race: a reader loads the old row, a writer commits and invalidates, then the slow
// reader stores what it loaded. Each test forces that interleaving by holding the reader's
// repository call after it has read the data and releasing it only after the write resolved.
for (const backend of useBackends('fill-race', { cluster: true })) {
  describe.skipIf(backend.skip)(`A slow reader racing a writer, on ${backend.name}`, () => {
    let world: CacheWorld;
    beforeEach(async () => {
      world = cacheWorld(await backend.make());
    });

    it('cannot store the user it loaded before the write', async () => {
      const user = UserMother.random({ name: 'Before' });
      await world.database.users.save(user);

      const held = world.control.holdNextRead();
      const slowRead = world.users.findById(user.id);
      await held.captured;
      await world.users.save(user.rename('After'));
      held.release();

      expect((await slowRead)?.name).toBe('Before'); // it began before the write: either answer is fair
      expect(world.cache.stats.get('staleFillsRejected')).toBe(1);
      expect((await world.users.findById(user.id))?.name).toBe('After');
      expect((await world.users.findById(user.id))?.name).toBe('After');
    });

    it('cannot store "nobody has this email" after the email was registered', async () => {
      const user = UserMother.random();

      const held = world.control.holdNextRead();
      const slowRead = world.users.findByEmail(user.email);
      await held.captured;
      await world.users.save(user);
      held.release();

      expect(await slowRead).toBeNull();
      expect((await world.users.findByEmail(user.email))?.id.value).toBe(user.id.value);
    });

    it('cannot store a search page it loaded before a product changed', async () => {
      const word = RandomMother.word(10);
      const product = ProductMother.random({ name: `Chair ${word}`, stock: 3 });
      await world.database.products.save(product);
      const page = PageRequest.first();

      const held = world.control.holdNextRead();
      const slowSearch = world.products.search(word, page);
      await held.captured;
      await world.products.softDelete(product.id);
      held.release();

      expect((await slowSearch).map((hit) => hit.product.id.value)).toEqual([product.id.value]);
      expect(await world.products.search(word, page)).toEqual([]);
      expect(await world.products.search(word, page)).toEqual([]);
    });

    it('never lets a read that starts after a write join a load that began before it', async () => {
      const user = UserMother.random({ name: 'Before' });
      await world.database.users.save(user);

      const held = world.control.holdNextRead();
      const slowRead = world.users.findById(user.id);
      await held.captured;
      await world.users.save(user.rename('After'));

      // The slow load is still held: joining it would hang this read and return 'Before'.
      const fresh = await within(2_000, 'a read after the write', world.users.findById(user.id));
      expect(fresh?.name).toBe('After');
      expect(world.control.count('users.findById')).toBe(2);
      held.release();
      await slowRead;
    });
  });
}
