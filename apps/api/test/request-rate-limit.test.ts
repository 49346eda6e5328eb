import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from './support/test-app';

const LIMIT = 3;
const WINDOW_SECONDS = 60;
const requestLimit = { maxPerWindow: LIMIT, windowSeconds: WINDOW_SECONDS };

const get = (t: TestApp, url: string, remoteAddress: string) =>
  t.app.inject({ method: 'GET', url, remoteAddress });

function expectsTheLimit(t: TestApp) {
  it('tells every answer the limit, what is left and when it resets; past it 429 in the error shape with Retry-After', async () => {
    const client = '198.51.100.60';
    const answers = [];
    for (let i = 0; i <= LIMIT; i++) answers.push(await get(t, '/products/search?q=lamp', client));

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => answer.headers['ratelimit-limit'])).toEqual(['3', '3', '3', '3']);
    expect(answers.map((answer) => answer.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    for (const answer of answers) {
      expect(Number(answer.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(answer.headers['ratelimit-reset'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
    const limited = answers[LIMIT]!;
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many requests from this client; try again later',
      requestId: limited.headers['x-request-id'],
    });
    expect(limited.headers['retry-after']).toBe(limited.headers['ratelimit-reset']);
    // Unknown routes and signed-in calls count too.
    expect((await get(t, '/no-such-route', client)).statusCode).toBe(429);
    expect((await get(t, '/products/search?q=lamp', '198.51.100.61')).statusCode).toBe(200);
  });

  it('never counts or refuses the health and metrics probes', async () => {
    const client = '198.51.100.70';
    for (let i = 0; i < LIMIT; i++) await get(t, '/products/search?q=lamp', client);

    for (const url of ['/health/live', '/health/ready', '/health', '/metrics']) {
      const probe = await get(t, url, client);
      expect(probe.statusCode, url).toBe(200);
      expect(probe.headers['ratelimit-limit'], url).toBeUndefined();
    }
    expect((await get(t, '/products/search?q=lamp', client)).statusCode).toBe(429);
  });
}

describe('the per-client request limit, counted in the process', () => {
  const t = useTestApp({ config: { requestLimit } });
  expectsTheLimit(t);
});

const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)(
  `the per-client request limit, counted in Redis${redisUrl ? '' : ' (skipped: REDIS_URL is not set)'}`,
  () => {
    const prefix = `stratum:test:${randomUUID()}`;
    const t = useTestApp({
      env: {
        REDIS_URL: redisUrl,
        CACHE_KEY_PREFIX: `${prefix}:cache`,
        RATE_LIMIT_KEY_PREFIX: `${prefix}:limits`,
      },
      config: { requestLimit },
    });
    expectsTheLimit(t);
  },
);
