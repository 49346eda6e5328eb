import { PageRequest } from '@stratum/domain';
import { InMemoryStore, ProductMother, UserMother, createInMemoryRepositories } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { cacheRepositories } from '../../src/cache/cache-repositories';
import { CacheKeys } from '../../src/cache/cache-keys';
import { InProcessLruCache } from '../../src/cache/in-process-lru.cache';
import { ReadThroughCache } from '../../src/cache/read-through.cache';

// Two stores stand for a primary and a replica that has not replayed the latest writes yet.
function primaryAndLaggingReplica() {
  const primary = createInMemoryRepositories(new InMemoryStore());
  const replica = createInMemoryRepositories(new InMemoryStore());
  const cache = new ReadThroughCache(
    new InProcessLruCache({ maxEntries: 100 }),
    new CacheKeys('loader-test'),
  );
  return { primary, replica, cached: cacheRepositories(replica, cache, { loadFrom: primary }) };
}

describe('cached repositories over replica reads', () => {
  it('fill the cache from the primary, never from a lagging replica', async () => {
    const { primary, cached } = primaryAndLaggingReplica();
    const user = UserMother.random();
    const product = ProductMother.random({ stock: 3 });
    await primary.users.save(user);
    await primary.products.save(product);

    expect((await cached.users.findById(user.id))?.id.value).toBe(user.id.value);
    expect((await cached.users.findByEmail(user.email))?.id.value).toBe(user.id.value);
    expect((await cached.products.findById(product.id))?.id.value).toBe(product.id.value);
    const word = product.name.split(' ')[0]!;
    expect(
      (await cached.products.search(word, PageRequest.of())).map((hit) => hit.product.id.value),
    ).toContain(product.id.value);
  });

  it('leave the uncached reads on the replica repositories they wrap', async () => {
    const { primary, replica, cached } = primaryAndLaggingReplica();
    const onReplicaOnly = UserMother.random();
    await replica.users.save(onReplicaOnly);
    await primary.users.save(UserMother.random());

    const page = await cached.users.findActivePage(PageRequest.of());
    expect(page.map((u) => u.id.value)).toEqual([onReplicaOnly.id.value]);
  });
});
