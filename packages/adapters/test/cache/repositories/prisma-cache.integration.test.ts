import {
  orderRepositoryContract,
  productRepositoryContract,
  unitOfWorkContract,
  userRepositoryContract,
  UserMother,
} from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { cacheRepositories } from '../../../src/cache/repositories/cache-repositories';
import { CacheKeys } from '../../../src/cache/read-through/cache-keys';
import { CachingUnitOfWork } from '../../../src/cache/repositories/caching-unit-of-work';
import { ReadThroughCache } from '../../../src/cache/read-through/read-through.cache';
import { prismaSubject, useTestDatabase } from '../../support/test-database';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from '../support/redis-test-support';

const skipNote = process.env.DATABASE_URL ? REDIS_SKIP_NOTE : ' [skipped: set DATABASE_URL and REDIS_URL]';

// The real stack: the cached decorators over the Prisma repositories on PostgreSQL, with Redis.
describe.skipIf(!REDIS_URL || !process.env.DATABASE_URL)(`Caching over Prisma and Redis${skipNote}`, () => {
  const handle = useTestDatabase();
  const redis = useRedisCaches('prisma-cache');

  async function cachedStack() {
    const cache = new ReadThroughCache(await redis.cache(), new CacheKeys(redis.newPrefix()));
    const prisma = prismaSubject(handle);
    const repositories = cacheRepositories(prisma.repositories, cache);
    const unitOfWork = new CachingUnitOfWork(prisma.unitOfWork, cache);
    return { ...repositories, repositories, unitOfWork, cache, cleanup: async () => {} };
  }

  userRepositoryContract('cached PrismaUserRepository', cachedStack);
  productRepositoryContract('cached PrismaProductRepository', cachedStack);
  orderRepositoryContract('PrismaOrderRepository invalidating cached products', cachedStack);
  unitOfWorkContract('CachingUnitOfWork over PrismaUnitOfWork', cachedStack);

  it('leaves no old row cached by a reader that ran while the transaction was open', async () => {
    const stack = await cachedStack();
    const user = UserMother.random({ name: 'Before' });
    await stack.users.save(user);
    const key = stack.cache.keys.user(user.id.value).key;

    await stack.unitOfWork.run(async ({ users }) => {
      await users.save(user.rename('After'));
      // Outside the transaction the committed row is still 'Before'. Empty the entry, as an
      // eviction might, so this reader loads that row from PostgreSQL and stores it.
      await stack.cache.invalidate({ keys: [key], namespaces: [] });
      expect((await stack.users.findById(user.id))?.name).toBe('Before');
      expect(stack.cache.stats.get('fills')).toBe(1);
    });

    // Had the transaction invalidated at its save, 'Before' would now be cached for the TTL.
    expect((await stack.users.findById(user.id))?.name).toBe('After');
    expect((await stack.users.findById(user.id))?.name).toBe('After');
  });
});
