import { Email, PageRequest, UserId } from '@stratum/domain';
import { UserMother } from '@stratum/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBackends } from '../support/cache-backends';
import { cacheWorld, type CacheWorld } from '../support/cache-world';

for (const backend of useBackends('cached-user')) {
  describe.skipIf(backend.skip)(`CachedUserRepository on ${backend.name}`, () => {
    let world: CacheWorld;
    beforeEach(async () => {
      world = cacheWorld(await backend.make());
    });

    async function savedUser() {
      const user = UserMother.random();
      await world.database.users.save(user);
      return user;
    }

    it('reads a user from the repository once, then from the cache', async () => {
      const user = await savedUser();

      const first = await world.users.findById(user.id);
      const second = await world.users.findById(user.id);

      expect(second?.toProps()).toEqual(first?.toProps());
      expect(second?.email.value).toBe(user.email.value);
      expect(world.control.count('users.findById')).toBe(1);
      expect(world.cache.stats.get('misses')).toBe(1);
      expect(world.cache.stats.get('hits')).toBe(1);
    });

    it('rebuilds every field of a cached user exactly', async () => {
      const user = UserMother.random({
        name: 'Zoë Ångström 🚀',
        preferences: { theme: 'dark', nested: { n: 1 } },
      });
      await world.database.users.save(user);

      await world.users.findById(user.id);
      const cached = await world.users.findById(user.id);

      expect(cached?.toProps()).toEqual(user.toProps());
    });

    it('remembers that an id does not exist, until it is saved', async () => {
      const user = UserMother.random();

      expect(await world.users.findById(user.id)).toBeNull();
      expect(await world.users.findById(user.id)).toBeNull();
      expect(world.control.count('users.findById')).toBe(1);

      await world.users.save(user);
      expect((await world.users.findById(user.id))?.id.value).toBe(user.id.value);
    });

    it('shows an update as soon as the save resolves', async () => {
      const user = await savedUser();
      await world.users.findById(user.id);

      await world.users.save(user.rename('Renamed'));

      expect((await world.users.findById(user.id))?.name).toBe('Renamed');
    });

    it('forgets a user as soon as the soft delete resolves, by id and by email', async () => {
      const user = await savedUser();
      await world.users.findById(user.id);
      await world.users.findByEmail(user.email);

      await world.users.softDelete(user.id);

      expect(await world.users.findById(user.id)).toBeNull();
      expect(await world.users.findByEmail(user.email)).toBeNull();
    });

    it('finds a user by email from the cache after the first time', async () => {
      const user = await savedUser();

      await world.users.findByEmail(user.email);
      const again = await world.users.findByEmail(Email.of(user.email.value.toUpperCase()));

      expect(again?.id.value).toBe(user.id.value);
      expect(world.control.count('users.findByEmail')).toBe(1);
    });

    it('follows an email change: the old address finds nobody, the new one the user', async () => {
      const user = await savedUser();
      const newEmail = Email.of(UserMother.email());
      await world.users.findByEmail(user.email);
      await world.users.findByEmail(newEmail);

      await world.users.save(user.changeEmail(newEmail));

      expect(await world.users.findByEmail(user.email)).toBeNull();
      expect((await world.users.findByEmail(newEmail))?.id.value).toBe(user.id.value);
    });

    it('gives a freed email to its next owner', async () => {
      const first = await savedUser();
      await world.users.findByEmail(first.email);
      await world.users.softDelete(first.id);

      const second = UserMother.random({ email: first.email.value });
      await world.users.save(second);

      expect((await world.users.findByEmail(first.email))?.id.value).toBe(second.id.value);
    });

    it('does not invalidate after a write the repository refused', async () => {
      const before = world.cache.stats.get('invalidations');

      await expect(world.users.softDelete(UserId.random())).rejects.toThrow();

      expect(world.cache.stats.get('invalidations')).toBe(before);
    });

    it('passes lists straight to the repository', async () => {
      await savedUser();
      await world.users.findActivePage(PageRequest.first());
      await world.users.findActivePage(PageRequest.first());

      expect(world.control.count('users.findActivePage')).toBe(2);
    });

    it('treats an entry it cannot decode as a miss, drops it, and refills it on the next read', async () => {
      const user = await savedUser();
      const key = world.cache.keys.user(user.id.value).key;
      const found = await world.cache.cache.lookup(key, 1_000);
      if (found.kind !== 'miss') throw new Error('expected a miss');
      await world.cache.cache.fill(key, found.ticket, '{"id":"not a user"}', 60_000);

      for (let read = 0; read < 3; read++) {
        expect((await world.users.findById(user.id))?.id.value).toBe(user.id.value);
      }
      expect(world.cache.stats.get('errors')).toBe(1);
      expect(world.cache.stats.get('fills')).toBe(1);
      expect(world.cache.stats.get('hits')).toBe(1);
    });
  });
}
