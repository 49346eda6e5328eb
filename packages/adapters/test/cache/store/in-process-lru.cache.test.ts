import { describe, expect, it } from 'vitest';
import { InProcessLruCache } from '../../../src/cache/store/in-process-lru.cache';
import { cacheContract } from '../support/cache.contract';

cacheContract('in-process LRU', async () => ({
  cache: new InProcessLruCache({ maxEntries: 1_000 }),
  prefix: 'lru',
}));

describe('InProcessLruCache', () => {
  async function filled(cache: InProcessLruCache, key: string): Promise<void> {
    const found = await cache.lookup(key, 1_000);
    if (found.kind !== 'miss') throw new Error('expected a miss');
    await cache.fill(key, found.ticket, key, 60_000);
  }

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new InProcessLruCache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await filled(cache, key);
    await cache.lookup('a', 1_000); // a is now the most recently used, so b goes first
    await filled(cache, 'd');

    expect(cache.size).toBe(3);
    expect((await cache.lookup('a', 1_000)).kind).toBe('hit');
    expect((await cache.lookup('b', 1_000)).kind).toBe('miss');
  });

  it('expires entries by its clock, not by use', async () => {
    let now = 1_000;
    const cache = new InProcessLruCache({ maxEntries: 10, now: () => now });
    const found = await cache.lookup('k', 500);
    if (found.kind !== 'miss') throw new Error('expected a miss');
    await cache.fill('k', found.ticket, 'v', 2_000);

    now += 1_999;
    expect((await cache.lookup('k', 500)).kind).toBe('hit');
    now += 1;
    expect((await cache.lookup('k', 500)).kind).toBe('miss');
  });

  it('treats an evicted generation as renewed, which only orphans entries', async () => {
    const cache = new InProcessLruCache({ maxEntries: 1 });
    const generation = await cache.generation('ns');
    await filled(cache, 'other');
    expect(await cache.generation('ns')).not.toBe(generation);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new InProcessLruCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
