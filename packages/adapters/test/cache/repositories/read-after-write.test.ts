import type { UserId } from '@stratum/domain';
import { UserMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, siblingWorld, type CacheWorld } from '../support/cache-world';

const USERS = 4;
const WRITES_PER_USER = 40;
const READERS = 10;

// A cache hit on the in-process LRU never leaves the microtask queue; real requests arrive
// through I/O, so the reader loops let timers and I/O run between reads.
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const versionOf = (name: string | undefined) => Number(name?.slice(1) ?? -1);

// Every user has exactly one writer, so "the written value" is well defined. Readers record the
// last version whose save had resolved before their read began; seeing anything older is a
// stale read. Random delays inside the repository shuffle loads, fills and invalidations.
for (const backend of useBackends('read-after-write')) {
  describe.skipIf(backend.skip)(`Reads racing writes, on ${backend.name}`, () => {
    it('never return a value older than the last write that had resolved', async () => {
      const isolated = await backend.make();
      // Entries expire quickly, so readers keep missing and their loads keep overlapping writes.
      const options = { entityTtlMs: 20 };
      const world = cacheWorld(isolated, options);
      // On Redis, half the readers are another process sharing the cache.
      const other: CacheWorld = backend.sibling
        ? siblingWorld(world, await backend.sibling(isolated), options)
        : world;
      // Loads slower than the gap between writes, so many of them span a write.
      world.control.delayMs = 20;
      other.control.delayMs = 20;

      const users = Array.from({ length: USERS }, (_, i) =>
        UserMother.random({ name: `v0`, email: `rw${i}-${Date.now()}@example.test` }),
      );
      for (const user of users) await world.database.users.save(user);
      const committed = new Map<string, number>(users.map((user) => [user.id.value, 0]));
      const staleReads: string[] = [];
      let writing = true;

      async function reader(view: CacheWorld): Promise<number> {
        let reads = 0;
        while (writing) {
          const user = users[Math.floor(Math.random() * users.length)]!;
          const floor = committed.get(user.id.value)!;
          const seen = versionOf((await view.users.findById(user.id))?.name);
          if (seen < floor) staleReads.push(`${user.id.value}: saw v${seen} after v${floor} was written`);
          reads += 1;
          await yieldToIo();
        }
        return reads;
      }

      async function writer(index: number): Promise<void> {
        let current = users[index]!;
        for (let version = 1; version <= WRITES_PER_USER; version++) {
          current = current.rename(`v${version}`);
          await world.users.save(current);
          committed.set(current.id.value, version);
          const mine = await world.users.findById(current.id);
          const theirs = await other.users.findById(current.id);
          expect(mine?.name).toBe(`v${version}`);
          expect(theirs?.name).toBe(`v${version}`);
          // Give a stale value, had one been stored, time to be read.
          await pause(Math.random() * 6);
        }
      }

      const readers = Array.from({ length: READERS }, (_, i) => reader(i % 2 === 0 ? world : other));
      await Promise.all(users.map((_, index) => writer(index))).finally(() => (writing = false));
      const reads = await Promise.all(readers);

      expect(staleReads).toEqual([]);
      expect(reads.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(USERS * WRITES_PER_USER);
      expect(world.cache.stats.get('hits') + other.cache.stats.get('hits')).toBeGreaterThan(0);
    });

    it('never return a user after the soft delete resolved', async () => {
      const isolated = await backend.make();
      const world = cacheWorld(isolated);
      const other = backend.sibling ? siblingWorld(world, await backend.sibling(isolated)) : world;
      world.control.delayMs = 3;
      const users = Array.from({ length: 20 }, () => UserMother.random());
      for (const user of users) await world.database.users.save(user);
      const deleted = new Set<string>();
      const staleReads: string[] = [];
      let deleting = true;

      async function reader(view: CacheWorld, id: UserId): Promise<void> {
        while (deleting) {
          const wasDeleted = deleted.has(id.value);
          const found = await view.users.findById(id);
          if (wasDeleted && found) staleReads.push(id.value);
          await yieldToIo();
        }
      }

      const readers = users.flatMap((user) => [reader(world, user.id), reader(other, user.id)]);
      await Promise.all(
        users.map(async (user) => {
          await world.users.softDelete(user.id);
          deleted.add(user.id.value);
          expect(await other.users.findById(user.id)).toBeNull();
        }),
      ).finally(() => (deleting = false));
      await Promise.all(readers);

      expect(staleReads).toEqual([]);
    });
  });
}
