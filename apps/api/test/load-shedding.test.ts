import { describe, expect, it } from 'vitest';
import { DEFAULT_API_CONFIG } from '../src/config/api-config';
import { until } from './support/wait';
import { useTestApp } from './support/test-app';

describe('load shedding', () => {
  // A heap limit of 1 byte: every sample finds the process over it.
  const t = useTestApp({
    config: {
      loadShedding: { maxEventLoopDelayMs: 0, maxHeapUsedBytes: 1, sampleIntervalMs: 10 },
    },
  });

  it('answers 503 in the error shape with Retry-After while the heap is over its limit', async () => {
    let response = await t.app.inject({ method: 'GET', url: '/products/search?q=lamp' });
    await until(async () => {
      response = await t.app.inject({ method: 'GET', url: '/products/search?q=lamp' });
      return response.statusCode === 503;
    }, 'the first heap sample refuses requests');

    expect(response.headers['retry-after']).toBe(String(DEFAULT_API_CONFIG.unavailableRetryAfterSeconds));
    expect(response.json()).toEqual({
      code: 'SERVICE_OVERLOADED',
      message: 'The service is overloaded; retry later',
      requestId: expect.any(String),
    });
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(503);
  });

  it('still answers liveness and metrics under pressure', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});

describe('load shedding on event-loop delay', () => {
  const t = useTestApp({
    config: {
      loadShedding: { maxEventLoopDelayMs: 50, maxHeapUsedBytes: 0, sampleIntervalMs: 200 },
    },
  });

  it('refuses requests after the event loop was blocked, and serves again once it catches up', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);

    const blockedUntil = Date.now() + 1_000;
    while (Date.now() < blockedUntil) {
      // hold the event loop, as a runaway synchronous computation would
    }
    // The overdue sampler runs first and finds the delay; the next sample, 200 ms on, clears it.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = await t.app.inject({ method: 'GET', url: '/products/search?q=lamp' });

    expect(refused.statusCode).toBe(503);
    expect(refused.json().code).toBe('SERVICE_OVERLOADED');
    await until(
      async () => (await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200,
      'the event loop is sampled on time again',
    );
  });
});
