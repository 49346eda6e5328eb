import { PageRequest, type User } from '@stratum/domain';
import { ProductMother, RandomMother, UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, siblingWorld, type CacheWorld } from '../support/cache-world';

// Two processes' worth of cache: each its own Redis connection, RedisCache and near cache, over
// one database and one Redis (or Redis Cluster). Whatever one process writes and invalidates, the
// other must never answer from a copy it kept, however the reads, loads and fills interleave.
const backends = useBackends('near-across-processes', { cluster: true }).filter(
  (backend) => backend.near && backend.sibling,
);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`Near caches of two processes, on ${backend.name}`, () => {
    let writer: CacheWorld;
    let reader: CacheWorld;
    beforeEach(async () => {
      const first = await backend.make();
      writer = cacheWorld(first);
      reader = siblingWorld(writer, await backend.sibling!(first));
    });

    /** The reader holds the user in its near cache, and its last read was served from there. */
    async function nearCopyOf(user: User): Promise<void> {
      await reader.users.findById(user.id);
      const before = reader.cache.stats.get('nearHits');
      expect((await reader.users.findById(user.id))?.name).toBe(user.name);
      expect(reader.cache.stats.get('nearHits')).toBe(before + 1);
    }

    it('never serves from one process a user that a write through the other changed', async () => {
      const user = UserMother.random({ name: 'Before' });
      await writer.database.users.save(user);
      await nearCopyOf(user);

      await writer.users.save(user.rename('After'));

      expect((await reader.users.findById(user.id))?.name).toBe('After');
      expect(reader.cache.stats.get('nearStale')).toBe(1);
      // ...and keeps the new value as its copy.
      expect((await reader.users.findById(user.id))?.name).toBe('After');
    });

    it('never serves from one process a user that the other deleted', async () => {
      const user = UserMother.random();
      await writer.database.users.save(user);
      await nearCopyOf(user);

      await writer.users.softDelete(user.id);

      expect(await reader.users.findById(user.id)).toBeNull();
    });

    it('never serves from one process a search page that a product change through the other retired', async () => {
      const word = RandomMother.word(10);
      const product = ProductMother.random({ name: `Lamp ${word}`, stock: 1 });
      await writer.database.products.save(product);
      const page = PageRequest.first();
      await reader.products.search(word, page);
      const nearHits = reader.cache.stats.get('nearHits');
      expect(await reader.products.search(word, page)).toHaveLength(1);
      expect(reader.cache.stats.get('nearHits')).toBe(nearHits + 1);

      // Only the namespace's generation changes: the page's own key and ticket are still in Redis.
      await writer.products.adjustStock(product.id, -1);

      expect(await reader.products.search(word, page)).toEqual([]);
    });

    it('keeps no copy of a load whose fill lost the race against the other process’s invalidation', async () => {
      const user = UserMother.random({ name: 'Before' });
      await writer.database.users.save(user);

      const held = reader.control.holdNextRead();
      const slowRead = reader.users.findById(user.id);
      await held.captured;
      await writer.users.save(user.rename('After'));
      held.release();

      expect((await slowRead)?.name).toBe('Before'); // it began before the write: either answer is fair
      expect(reader.cache.stats.get('staleFillsRejected')).toBe(1);
      expect(reader.cache.nearSize).toBe(0);
      expect((await reader.users.findById(user.id))?.name).toBe('After');
      expect((await reader.users.findById(user.id))?.name).toBe('After');
    });

    it('drops an outdated copy, and keeps none of the reload that raced a second write', async () => {
      const user = UserMother.random({ name: 'v0' });
      await writer.database.users.save(user);
      await nearCopyOf(user);
      await writer.users.save(user.rename('v1'));

      // The copy is found outdated; the reload reads v1 and is held until v2 has been written.
      const held = reader.control.holdNextRead();
      const slowRead = reader.users.findById(user.id);
      await held.captured;
      await writer.users.save(user.rename('v2'));
      held.release();

      expect((await slowRead)?.name).toBe('v1');
      expect(reader.cache.stats.get('nearStale')).toBe(1);
      expect(reader.cache.stats.get('staleFillsRejected')).toBe(1);
      expect((await reader.users.findById(user.id))?.name).toBe('v2');
    });

    it('confirms the copies of concurrent reads with one round trip, each key asked once', async () => {
      const users = Array.from({ length: 20 }, () => UserMother.random());
      for (const user of users) {
        await writer.database.users.save(user);
        await reader.users.findById(user.id);
      }
      const validations = () => reader.cache.stats.snapshot().latency.validate?.count ?? 0;
      const before = { validations: validations(), nearHits: reader.cache.stats.get('nearHits') };

      const found = await Promise.all([...users, ...users].map((user) => reader.users.findById(user.id)));

      expect(found.map((each) => each?.id.value)).toEqual([...users, ...users].map((user) => user.id.value));
      expect(reader.cache.stats.get('nearHits') - before.nearHits).toBe(2 * users.length);
      expect(validations() - before.validations).toBe(1);
    });

    it('hands every caller the same frozen copy, which nobody can change for the others', async () => {
      const word = RandomMother.word(10);
      await writer.database.products.save(ProductMother.random({ name: `Desk ${word}` }));
      const page = PageRequest.first();
      await reader.products.search(word, page);

      const [first, second] = [
        await reader.products.search(word, page),
        await reader.products.search(word, page),
      ];

      expect(second).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(() => first.pop()).toThrow(TypeError);
      expect(Object.isFrozen(first[0])).toBe(true);
    });

    it('never return a value older than the last write that had resolved, whichever process wrote', async () => {
      // Long-lived entries, so that most reads are near hits; writes come through both processes.
      const users = Array.from({ length: 4 }, () => UserMother.random({ name: 'v0' }));
      for (const user of users) await writer.database.users.save(user);
      const committed = new Map(users.map((user) => [user.id.value, 0]));
      const stale: string[] = [];
      let writing = true;
      writer.control.delayMs = 3;
      reader.control.delayMs = 3;

      const read = async (view: CacheWorld) => {
        while (writing) {
          const user = users[Math.floor(Math.random() * users.length)]!;
          const floor = committed.get(user.id.value)!;
          const seen = Number((await view.users.findById(user.id))?.name.slice(1));
          if (!(seen >= floor)) stale.push(`saw v${seen} after v${floor} was written`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const write = async (index: number) => {
        let current = users[index]!;
        for (let version = 1; version <= 30; version++) {
          current = current.rename(`v${version}`);
          // Alternate the writing process, so each near cache sees the other's writes.
          await (version % 2 === 0 ? writer : reader).users.save(current);
          committed.set(current.id.value, version);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
        }
      };

      const reads = Array.from({ length: 8 }, (_, i) => read(i % 2 === 0 ? writer : reader));
      await Promise.all(users.map((_, index) => write(index))).finally(() => (writing = false));
      await Promise.all(reads);

      expect(stale).toEqual([]);
      expect(writer.cache.stats.get('nearHits')).toBeGreaterThan(0);
      expect(reader.cache.stats.get('nearHits')).toBeGreaterThan(0);
    });
  });
}
