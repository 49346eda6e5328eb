import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/cache/store/cache.port';
import type { IsolatedCache } from './cache-backends';

const LEASE_MS = 5_000;
const TTL_MS = 60_000;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The promises every Cache implementation keeps; run on the in-process LRU and on Redis alike. */
export function cacheContract(name: string, makeCache: () => Promise<IsolatedCache>, skip = false): void {
  describe.skipIf(skip)(`Cache contract (${name})`, () => {
    let cache: Cache;
    let prefix: string;
    beforeEach(async () => {
      ({ cache, prefix } = await makeCache());
    });
    afterEach(async () => {
      await cache.close();
    });
    const newKey = () => `${prefix}:contract:${randomUUID()}`;

    async function missTicket(key: string): Promise<string> {
      const found = await cache.lookup(key, LEASE_MS);
      if (found.kind !== 'miss') throw new Error(`expected a miss, got ${found.kind}`);
      return found.ticket;
    }

    it('misses on a key it has never seen, handing out the lease', async () => {
      expect((await cache.lookup(newKey(), LEASE_MS)).kind).toBe('miss');
    });

    it('answers a filled key with the value stored and the ticket it was filled under', async () => {
      const key = newKey();
      const ticket = await missTicket(key);
      expect(await cache.fill(key, ticket, 'stored', TTL_MS)).toBe(true);
      expect(await cache.lookup(key, LEASE_MS)).toEqual({ kind: 'hit', value: 'stored', ticket });
    });

    it('tells the current ticket of keys and generation of namespaces, creating nothing', async () => {
      const [filled, leased, unknown, namespace, fresh] = [newKey(), newKey(), newKey(), newKey(), newKey()];
      const filledTicket = await missTicket(filled);
      await cache.fill(filled, filledTicket, 'value', TTL_MS);
      const leasedTicket = await missTicket(leased);
      const generation = await cache.generation(namespace);

      expect(
        await cache.current([
          { key: filled },
          { key: leased },
          { key: unknown },
          { namespace },
          { namespace: fresh },
        ]),
      ).toEqual([filledTicket, leasedTicket, null, generation, null]);
      // Asking took no lease and made no generation.
      expect((await cache.lookup(unknown, LEASE_MS)).kind).toBe('miss');
      expect(await cache.current([{ namespace: fresh }])).toEqual([null]);
      expect(await cache.current([])).toEqual([]);
    });

    it('tells no ticket once the key is invalidated, and a new generation once the namespace is', async () => {
      const [key, namespace] = [newKey(), newKey()];
      const ticket = await missTicket(key);
      await cache.fill(key, ticket, 'value', TTL_MS);
      const generation = await cache.generation(namespace);
      await cache.invalidate({ keys: [key], namespaces: [namespace] });

      const [afterKey, afterNamespace] = await cache.current([{ key }, { namespace }]);
      expect(afterKey).toBeNull();
      expect(afterNamespace).not.toBe(generation);
    });

    it('tells a second caller that the key is loading, with the same ticket', async () => {
      const key = newKey();
      const ticket = await missTicket(key);
      expect(await cache.lookup(key, LEASE_MS)).toEqual({ kind: 'loading', ticket });
    });

    it('refuses a fill whose ticket an invalidation destroyed', async () => {
      const key = newKey();
      const ticket = await missTicket(key);
      await cache.invalidate({ keys: [key], namespaces: [] });
      expect(await cache.fill(key, ticket, 'old', TTL_MS)).toBe(false);
      expect((await cache.lookup(key, LEASE_MS)).kind).toBe('miss');
    });

    it('refuses a stale fill even after a new reader took a new lease', async () => {
      const key = newKey();
      const stale = await missTicket(key);
      await cache.invalidate({ keys: [key], namespaces: [] });
      const fresh = await missTicket(key);
      expect(fresh).not.toBe(stale);
      expect(await cache.fill(key, stale, 'old', TTL_MS)).toBe(false);
      expect(await cache.fill(key, fresh, 'new', TTL_MS)).toBe(true);
      expect(await cache.lookup(key, LEASE_MS)).toEqual({ kind: 'hit', value: 'new', ticket: fresh });
    });

    it('refuses a fill with a ticket it never issued', async () => {
      const key = newKey();
      await missTicket(key);
      expect(await cache.fill(key, 'forged', 'value', TTL_MS)).toBe(false);
      expect(await cache.fill(newKey(), 'forged', 'value', TTL_MS)).toBe(false);
    });

    it('forgets a filled value after an invalidation', async () => {
      const key = newKey();
      await cache.fill(key, await missTicket(key), 'value', TTL_MS);
      await cache.invalidate({ keys: [key], namespaces: [] });
      expect((await cache.lookup(key, LEASE_MS)).kind).toBe('miss');
    });

    it('lets an entry expire after its TTL', async () => {
      const key = newKey();
      await cache.fill(key, await missTicket(key), 'short-lived', 40);
      await pause(120);
      expect((await cache.lookup(key, LEASE_MS)).kind).toBe('miss');
    });

    it('lets a lease expire, after which its fill is refused', async () => {
      const key = newKey();
      const found = await cache.lookup(key, 40);
      await pause(120);
      const next = await cache.lookup(key, LEASE_MS);
      expect(next.kind).toBe('miss');
      if (found.kind !== 'miss') throw new Error('expected a miss');
      expect(await cache.fill(key, found.ticket, 'late', TTL_MS)).toBe(false);
    });

    it('keeps a namespace generation until the namespace is invalidated', async () => {
      const namespace = newKey();
      const first = await cache.generation(namespace);
      expect(await cache.generation(namespace)).toBe(first);
      await cache.invalidate({ keys: [], namespaces: [namespace] });
      const second = await cache.generation(namespace);
      expect(second).not.toBe(first);
      expect(await cache.generation(namespace)).toBe(second);
    });

    it('renews only the namespaces named', async () => {
      const [a, b] = [newKey(), newKey()];
      const [genA, genB] = [await cache.generation(a), await cache.generation(b)];
      await cache.invalidate({ keys: [], namespaces: [a] });
      expect(await cache.generation(a)).not.toBe(genA);
      expect(await cache.generation(b)).toBe(genB);
    });

    it('invalidates many unrelated keys in one call and leaves the rest', async () => {
      const keys = Array.from({ length: 20 }, newKey);
      const kept = newKey();
      for (const key of [...keys, kept]) await cache.fill(key, await missTicket(key), key, TTL_MS);
      await cache.invalidate({ keys, namespaces: [] });
      for (const key of keys) expect((await cache.lookup(key, LEASE_MS)).kind).toBe('miss');
      expect(await cache.lookup(kept, LEASE_MS)).toMatchObject({ kind: 'hit', value: kept });
    });

    it('accepts an empty invalidation', async () => {
      await expect(cache.invalidate({ keys: [], namespaces: [] })).resolves.toBeUndefined();
    });

    it('keeps values exactly, whatever characters or size', async () => {
      const key = newKey();
      const value = JSON.stringify({ text: 'Zoë "quoted" \\ ☕ 🚀 \u0001', blob: 'x'.repeat(200_000) });
      await cache.fill(key, await missTicket(key), value, TTL_MS);
      expect(await cache.lookup(key, LEASE_MS)).toMatchObject({ kind: 'hit', value });
    });

    it('reports itself healthy', async () => {
      const health = await cache.health();
      expect(health.status).toBe('up');
      expect(health.breaker).toBe('closed');
      expect(health.backend).toBe(cache.backend);
    });
  });
}
