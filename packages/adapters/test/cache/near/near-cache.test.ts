import { describe, expect, it } from 'vitest';
import { NearCache, type NearEntry } from '../../../src/cache/near/near-cache';
import { ProbeBatch } from '../../../src/cache/near/probe-batch';
import { InProcessLruCache } from '../../../src/cache/store/in-process-lru.cache';

const entry = (value: unknown, size = 10): NearEntry => ({
  key: 'k',
  ticket: 't',
  namespace: null,
  value,
  size,
});

describe('NearCache', () => {
  it('keeps at most maxEntries, dropping the least recently used first', () => {
    const near = new NearCache({ maxEntries: 2, maxBytes: 1_000 });
    near.set('a', entry('a'));
    near.set('b', entry('b'));
    near.get('a');
    near.set('c', entry('c'));

    expect([near.get('a')?.value, near.get('b'), near.get('c')?.value]).toEqual(['a', undefined, 'c']);
  });

  it('keeps the sizes of its entries under maxBytes, and refuses an entry larger than that', () => {
    const near = new NearCache({ maxEntries: 100, maxBytes: 100 });
    near.set('a', entry('a', 60));
    near.set('b', entry('b', 30));
    near.set('c', entry('c', 30));
    near.set('huge', entry('huge', 101));

    expect(near.get('a')).toBeUndefined();
    expect(near.get('huge')).toBeUndefined();
    expect(near.totalBytes).toBe(60);
  });

  it('deletes an entry only if it is still the one held, when asked so', () => {
    const near = new NearCache({ maxEntries: 10, maxBytes: 100 });
    const old = entry('old');
    near.set('a', old);
    near.set('a', entry('new'));
    near.delete('a', old);

    expect(near.get('a')?.value).toBe('new');
    expect(near.totalBytes).toBe(10);
  });

  it('freezes plain objects and arrays it keeps, since every caller gets the same copy', () => {
    const near = new NearCache({ maxEntries: 10, maxBytes: 100 });
    const value = [{ rank: 1, tags: ['a'] }];
    near.set('a', entry(value));

    expect(Object.isFrozen(value) && Object.isFrozen(value[0]) && Object.isFrozen(value[0]?.tags)).toBe(true);
  });

  it('refuses a size bound that is not a positive whole number', () => {
    expect(() => new NearCache({ maxEntries: 0, maxBytes: 1 })).toThrow(RangeError);
  });
});

describe('ProbeBatch', () => {
  function countingCache() {
    const cache = new InProcessLruCache({ maxEntries: 100 });
    const calls: number[] = [];
    const current = cache.current.bind(cache);
    cache.current = (probes) => {
      calls.push(probes.length);
      return current(probes);
    };
    return { cache, calls };
  }

  it('asks once per tick, each distinct probe once', async () => {
    const { cache, calls } = countingCache();
    const batch = new ProbeBatch(cache);
    const generation = await cache.generation('ns');

    const answers = await Promise.all([
      batch.current({ namespace: 'ns' }),
      batch.current({ namespace: 'ns' }),
      batch.current({ key: 'unknown' }),
    ]);

    expect(answers).toEqual([generation, generation, null]);
    expect(calls).toEqual([2]);
  });

  it('puts a probe asked for after a batch was sent into the next batch', async () => {
    const { cache, calls } = countingCache();
    const batch = new ProbeBatch(cache);
    const first = batch.current({ key: 'a' });
    await new Promise((resolve) => process.nextTick(resolve));
    const second = batch.current({ key: 'a' });

    await Promise.all([first, second]);
    expect(calls).toEqual([1, 1]);
  });

  it('fails every caller of a batch whose call failed', async () => {
    const { cache } = countingCache();
    cache.current = () => Promise.reject(new Error('down'));
    const batch = new ProbeBatch(cache);

    const answers = await Promise.allSettled([batch.current({ key: 'a' }), batch.current({ key: 'b' })]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
  });
});
