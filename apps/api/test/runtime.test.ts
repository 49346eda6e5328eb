import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from '@stratum/postgres-toolkit';
import { useReplicatedDatabase } from '../../../packages/adapters/test/support/replication/replicated-database';
import { createApiRuntime, type ApiRuntime } from '../src/runtime/create-api-runtime';
import { productBody } from './support/fixtures';
import { mintCaller, type Caller } from './support/test-app';
import { until } from './support/wait';

/**
 * The composition root main.ts calls, built from an environment as production is: PostgreSQL with
 * a streaming replica (a throwaway pair from the adapters' replication harness) and Redis. What
 * goes through the cache and what through replica routing is read off /metrics and /health, the
 * way an operator would see it.
 */
const redisUrl = process.env.REDIS_URL;
const binaries = findPostgresBinaries();
const skipReason = !redisUrl
  ? 'REDIS_URL is not set: the production graph needs Redis'
  : 'missing' in binaries
    ? `no PostgreSQL binaries for a replica: ${binaries.missing}`
    : null;

describe.skipIf(skipReason !== null)(
  `createApiRuntime ${skipReason ? `(skipped: ${skipReason})` : ''}`,
  () => {
    const db = useReplicatedDatabase();
    let runtime: ApiRuntime;
    let admin: Caller;

    beforeAll(async () => {
      runtime = createApiRuntime({
        DATABASE_URL: db.primary.config.url,
        DATABASE_REPLICA_URLS: db.replica.config.url,
        // Probed often, so the replica catches up with a write within the test's patience.
        DATABASE_REPLICA_PROBE_INTERVAL_MS: '100',
        REDIS_URL: redisUrl,
        // Other test runs share this Redis: keys of our own, gone with the data they describe.
        CACHE_KEY_PREFIX: `stratum:test:${crypto.randomUUID()}`,
      });
      await runtime.start();
      admin = await mintCaller(runtime, ['admin'], { passwordHash: '!', now: new Date() });
    });

    afterAll(async () => {
      await runtime?.stop('test file finished');
    });

    const scrape = async () => (await runtime.app.inject({ method: 'GET', url: '/metrics' })).body;
    const counter = (metrics: string, name: string, labels: string) => {
      const line = metrics.split('\n').find((row) => row.startsWith(`${name}{${labels}}`));
      return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
    };

    it('reports the primary, Redis and the replica in /health', async () => {
      const response = await runtime.app.inject({ method: 'GET', url: '/health' });

      expect(response.statusCode).toBe(200);
      const { status, checks } = response.json();
      expect(status).toBe('ok');
      expect(checks.primary).toMatchObject({ ok: true });
      expect(checks.redis).toMatchObject({ ok: true, backend: 'redis' });
      expect(checks[`replica:${db.replica.name}`]).toMatchObject({ ok: true });
    });

    it('serves a product read after its write from Redis the second time', async () => {
      const created = await runtime.app.inject({
        method: 'POST',
        url: '/products',
        headers: admin.auth,
        payload: productBody(),
      });
      expect(created.statusCode).toBe(201);
      const url = `/products/${created.json().id}`;
      const read = () => runtime.app.inject({ method: 'GET', url });

      const first = await read();
      const hitsBefore = counter(await scrape(), 'stratum_cache_requests_total', 'result="hit"');
      const second = await read();
      const hitsAfter = counter(await scrape(), 'stratum_cache_requests_total', 'result="hit"');

      expect(first.json()).toEqual(created.json());
      expect(second.json()).toEqual(created.json());
      expect(hitsAfter).toBeGreaterThan(hitsBefore);
      // Each of those Redis lookups was timed, and the histogram is exported.
      const lookups = counter(
        await scrape(),
        'stratum_cache_operation_duration_seconds_count',
        'operation="lookup"',
      );
      expect(lookups).toBeGreaterThanOrEqual(2);
    });

    it('routes a read after a write to the replica once it has replayed the write', async () => {
      const customer = await mintCaller(runtime, ['user'], { passwordHash: '!', now: new Date() });
      const opened = await runtime.app.inject({
        method: 'POST',
        url: '/accounts',
        headers: customer.auth,
        payload: { currency: 'USD' },
      });
      expect(opened.statusCode).toBe(201);
      const readAfter = opened.headers['x-stratum-read-after'];
      expect(readAfter).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      await db.waitForReplay();

      const routed = `target="replica:${db.replica.name}"`;
      const before = counter(await scrape(), 'stratum_db_reads_routed_total', routed);
      let history: Awaited<ReturnType<typeof runtime.app.inject>> | undefined;
      // The router trusts the replica with this session once a probe has seen it past the write.
      await until(async () => {
        history = await runtime.app.inject({
          method: 'GET',
          url: `/accounts/${opened.json().id}/transfers`,
          headers: { ...customer.auth, 'x-stratum-read-after': String(readAfter) },
        });
        return counter(await scrape(), 'stratum_db_reads_routed_total', routed) > before;
      }, 'a read went to the replica');

      expect(history?.statusCode).toBe(200);
      expect(history?.json()).toEqual({ items: [], nextCursor: null });
    });
  },
);
