// What PostgreSQL refuses is answered by the SQLSTATE table in @stratum/adapters: bad data that
// got past validation is a 400, a database closed to connections is an outage (503 with
// Retry-After), never a 500.
import { testServerUrl } from '@stratum/prisma/testing';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_API_CONFIG } from '../src/config/api-config';
import { LogCapture } from './support/log-capture';
import { useTestApp } from './support/test-app';

const LEAKS = /SELECT|prisma|invocation|stack|\bat \/|\.ts:\d+|22021|0x00/i;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl().toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('refusals by the database', () => {
  const logs = new LogCapture();
  const t = useTestApp({ server: { logger: { level: 'info', stream: logs } } });

  it('answers bad data that reached PostgreSQL (SQLSTATE class 22) with 400 and a generic message', async () => {
    vi.spyOn(t.repositories.products, 'findById').mockImplementationOnce(async () => {
      await t.database.prisma.$queryRaw`SELECT ${'nul \u0000 inside'}::text AS value`;
      return null;
    });

    const response = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request holds a value that cannot be stored',
      requestId: expect.any(String),
    });
    expect(response.body).not.toMatch(LEAKS);
    const logged = logs
      .entries()
      .find((entry) => entry.requestId === response.json().requestId && entry.level === 40);
    expect(logged).toBeDefined();
  });

  it('answers 503 with Retry-After while the database does not accept connections (SQLSTATE 55000)', async () => {
    const database = new URL(t.adminUrl).pathname.slice(1);
    const ident = `"${database.replaceAll('"', '""')}"`;
    await onServer(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS false`);
    try {
      // End the pool's open connections, so the next query needs a new one.
      await onServer(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
      );
      for (let attempt = 0; attempt < 3; attempt++) {
        const response = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toBe(String(DEFAULT_API_CONFIG.unavailableRetryAfterSeconds));
        expect(response.json().code).toBe('DATABASE_UNAVAILABLE');
        expect(response.body).not.toMatch(LEAKS);
      }
    } finally {
      await onServer(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS true`);
    }
    const after = await t.app.inject({ method: 'GET', url: `/products/${crypto.randomUUID()}` });
    expect(after.statusCode).toBe(404);
  });
});
