import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/test-app';

const cache = { hit: 0, miss: 0 };
const routing = { replica: 0, primary: 0 };

describe('GET /docs/json', () => {
  const t = useTestApp();

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();

    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/users', '/orders/{id}', '/accounts/{id}/transfers']),
    );
    expect(doc.paths['/docs/json']).toBeUndefined();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const signUp = doc.paths['/users'].post;
    expect(signUp.security).toEqual([]);
    expect(signUp.requestBody.content['application/json'].schema.properties.password.minLength).toBe(10);
    const transfer = doc.paths['/accounts/{id}/transfers'].post;
    expect(transfer.security).toEqual([{ bearerAuth: [] }]);
    expect(transfer.description).toContain('Requires accounts:write:own');
    expect(transfer.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'header', name: 'idempotency-key', required: true }),
      ]),
    );
    expect(Object.keys(transfer.responses)).toEqual(expect.arrayContaining(['201', '4XX', '5XX']));
  });
});

describe('GET /metrics', () => {
  const t = useTestApp({
    deps: {
      metrics: {
        cache: { read: () => cache },
        replicaRouting: { read: () => routing },
        replicaLag: { read: () => ({ r1: 0.25, r2: null }) },
        retries: { read: () => ({ retried: 3, exhausted: 1 }) },
        cacheLatency: {
          read: () => ({
            lookup: { count: 3, sumMs: 4.5, buckets: { '1': 1, '2.5': 2, '5': 3, '+Inf': 3 } },
            fill: undefined,
          }),
        },
        processMetrics: true,
      },
    },
  });
  const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;

  it('reports request latency per route pattern, never per raw URL', async () => {
    await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });

    const text = await scrape();

    expect(text).toMatch(
      /stratum_http_request_duration_seconds_count\{method="GET",route="\/products\/:id",status_code="404"\} 1/,
    );
    expect(text).toMatch(/stratum_http_errors_total\{code="NOT_FOUND"\} 1/);
  });

  it('reports the pool and what the cache and replica sources say', async () => {
    cache.hit = 5;
    cache.miss = 2;
    routing.replica = 7;
    const first = await scrape();
    cache.hit = 9;

    const second = await scrape();

    expect(first).toMatch(/stratum_db_pool_connections\{state="max"\} 5/);
    expect(first).toMatch(/stratum_db_pool_connections\{state="in_use"\} \d+/);
    expect(first).toMatch(/stratum_cache_requests_total\{result="hit"\} 5/);
    expect(second).toMatch(/stratum_cache_requests_total\{result="hit"\} 9/);
    expect(second).toMatch(/stratum_cache_requests_total\{result="miss"\} 2/);
    expect(second).toMatch(/stratum_db_reads_routed_total\{target="replica"\} 7/);
    expect(second).toMatch(/stratum_db_replica_lag_seconds\{replica="r1"\} 0.25/);
    expect(second).not.toMatch(/replica="r2"/);
    expect(second).toMatch(/stratum_db_transaction_attempts_total\{outcome="exhausted"\} 1/);
  });

  it("exports the cache's latency histogram in seconds, per operation", async () => {
    const text = await scrape();

    expect(text).toContain('# TYPE stratum_cache_operation_duration_seconds histogram');
    expect(text).toContain(
      'stratum_cache_operation_duration_seconds_bucket{le="0.001",operation="lookup"} 1',
    );
    expect(text).toContain(
      'stratum_cache_operation_duration_seconds_bucket{le="0.0025",operation="lookup"} 2',
    );
    expect(text).toContain('stratum_cache_operation_duration_seconds_bucket{le="+Inf",operation="lookup"} 3');
    expect(text).toContain('stratum_cache_operation_duration_seconds_sum{operation="lookup"} 0.0045');
    expect(text).toContain('stratum_cache_operation_duration_seconds_count{operation="lookup"} 3');
    expect(text).not.toContain('operation="fill"');
  });

  it("exports Node's default metrics under their usual names, without our prefix", async () => {
    const text = await scrape();

    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).not.toMatch(/^stratum_(process|nodejs)_/m);
  });
});
