import { PrismaSessionRepository, PrismaUnitOfWork, createPrismaRepositories } from '@stratum/adapters';
import { createDatabase, readDatabaseConfig } from '@stratum/prisma';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_API_CONFIG } from '../src/config/api-config';
import { CompositeHealthProbe } from '../src/health/composite-health-probe';
import { buildServer } from '../src/server';
import { LogCapture } from './support/log-capture';
import { useTestApp } from './support/test-app';

const LEAKS = /SELECT|prisma|invocation|stack|\bat \/|\.ts:\d+/i;

describe('error answers', () => {
  const logs = new LogCapture();
  const t = useTestApp({
    server: { logger: { level: 'info', stream: logs } },
    pool: { max: 1, timeoutMs: 300 },
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND and the request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/nowhere' });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No such route',
      requestId: expect.any(String),
    });
    expect(response.headers['x-request-id']).toBe(response.json().requestId);
  });

  it("keeps a caller's plain request id and replaces one that could forge log lines", async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'edge-42.a' },
    });
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'x\n{"level":60}' },
    });

    expect(kept.headers['x-request-id']).toBe('edge-42.a');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('BAD_REQUEST');
    expect(response.body).not.toMatch(LEAKS);
  });

  it('answers a text/plain body to a JSON route with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=ada@example.com',
    });

    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The body must be sent as application/json',
      requestId: expect.any(String),
    });
  });

  it('names each unknown body key, at the top and inside nested objects', async () => {
    const caller = await t.caller(['user']);
    const response = await t.app.inject({
      method: 'POST',
      url: '/orders',
      headers: caller.auth,
      payload: {
        lines: [{ productId: crypto.randomUUID(), quantity: 1, discount: 5 }],
        coupon: 'FREE',
        note: 'x',
      },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual(
      expect.arrayContaining([
        { in: 'body', field: 'coupon', message: 'is not a known field' },
        { in: 'body', field: 'note', message: 'is not a known field' },
        { in: 'body', field: 'lines.0.discount', message: 'is not a known field' },
      ]),
    );
    expect(response.json().fields.map((field: { field: string }) => field.field)).not.toContain('');
  });

  it('answers 500 with a generic message when a repository fails unexpectedly, and logs the detail', async () => {
    const failure = new Error('syntax error at or near "SELEC" in SELECT password_hash FROM users');
    vi.spyOn(t.repositories.products, 'findById').mockRejectedValueOnce(failure);

    const response = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'INTERNAL',
      message: 'Internal server error',
      requestId: expect.any(String),
    });
    expect(response.body).not.toMatch(LEAKS);
    const logged = logs
      .entries()
      .find((entry) => entry.requestId === response.json().requestId && entry.level === 50);
    expect(JSON.stringify(logged)).toContain('SELEC');
  });

  it('never passes a Prisma error text on', async () => {
    vi.spyOn(t.repositories.products, 'findById').mockImplementationOnce(async () => {
      await t.database.prisma.$queryRaw`SELECT * FROM no_such_table`;
      return null;
    });

    const response = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(LEAKS);
    expect(response.body).not.toContain('no_such_table');
  });

  it('answers 503 with Retry-After when the pool has no connection to give', async () => {
    const held = await t.database.pool.connect();
    try {
      const response = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });

      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe(String(DEFAULT_API_CONFIG.unavailableRetryAfterSeconds));
      expect(response.json().code).toBe('DATABASE_UNAVAILABLE');
      expect(response.body).not.toMatch(/pool|timeout|connection/i);
    } finally {
      held.release();
    }
  });
});

describe('error answers with the database down', () => {
  it('answers 503 with Retry-After when PostgreSQL cannot be reached', async () => {
    const database = createDatabase({
      config: {
        ...readDatabaseConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' }),
        connectionTimeoutMs: 500,
      },
      onPoolError: () => {},
    });
    const app = buildServer({
      repositories: createPrismaRepositories(database.prisma),
      unitOfWork: new PrismaUnitOfWork(database.prisma),
      sessions: new PrismaSessionRepository(database.prisma),
      health: new CompositeHealthProbe([]),
      readiness: new CompositeHealthProbe([]),
      config: DEFAULT_API_CONFIG,
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/products/search?q=lamp' });

      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      expect(response.body).not.toMatch(/reach|127\.0\.0\.1|P1001/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
