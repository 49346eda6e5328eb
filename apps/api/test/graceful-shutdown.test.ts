import type { AddressInfo } from 'node:net';
import type { Account } from '@stratum/domain';
import { createDatabase, readDatabaseConfig, type Database } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_CONFIG } from '../src/config/api-config';
import { gracefulShutdown } from '../src/lifecycle/graceful-shutdown';
import { fundedAccount } from './support/fixtures';
import { httpRequest, type HttpResult } from './support/http-client';
import { useTestApp, type TestApp } from './support/test-app';
import { until } from './support/wait';

/**
 * A transfer that is slow on purpose: another connection holds the payer's row lock, so the
 * request waits inside the database, holding a pool connection, until the test commits.
 */
async function slowTransfer(t: TestApp) {
  const owner = await t.caller(['user']);
  const from = await fundedAccount(t, owner.user.id, '50.00');
  const to = await fundedAccount(t, owner.user.id, '0.00');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const other = createDatabase({ config: readDatabaseConfig({ DATABASE_URL: t.database.config.url }) });
  const locker = await other.pool.connect();
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [from.id.value]);

  const inFlight: Promise<HttpResult> = httpRequest(port, {
    method: 'POST',
    path: `/accounts/${from.id.value}/transfers`,
    headers: { ...owner.auth, 'idempotency-key': crypto.randomUUID() },
    body: { toAccountId: to.id.value, amount: '20.00', currency: 'USD' },
  });
  inFlight.catch(() => {});
  await until(async () => (await waitingOnLocks(other)) > 0, 'the transfer waits on the lock');
  return {
    port,
    from,
    inFlight,
    other,
    unlock: () => locker.query('COMMIT'),
    cleanup: async () => {
      locker.release();
      await other.close();
    },
  };
}

function shutdownOf(t: TestApp, graceMs: number) {
  return gracefulShutdown({
    app: t.app,
    resources: [{ name: 'database', close: () => t.database.close() }],
    graceMs,
    closeTimeoutMs: 1_000,
  });
}

describe('graceful shutdown on a real port', () => {
  const t = useTestApp();

  it('finishes the request in flight, refuses new connections, then closes the pool', async () => {
    const slow = await slowTransfer(t);
    try {
      const shutdown = shutdownOf(t, 10_000)('SIGTERM');
      await until(() => !t.app.server.listening, 'the server stops listening');

      await expect(httpRequest(slow.port, { method: 'GET', path: '/health' })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      expect(t.database.pool.ended).toBe(false);

      await slow.unlock();
      expect((await slow.inFlight).status).toBe(201);
      expect(await shutdown).toEqual({ drained: true });
      expect(t.database.pool.ended).toBe(true);
      expect(await balanceOf(slow.other, slow.from)).toBe('30.00');
    } finally {
      await slow.cleanup();
    }
  });
});

describe('graceful shutdown past its grace period', () => {
  const t = useTestApp();

  it('cuts the connections still open and closes the pool anyway', async () => {
    const slow = await slowTransfer(t);
    try {
      const outcome = await shutdownOf(t, 300)('SIGTERM');

      expect(outcome).toEqual({ drained: false });
      await expect(slow.inFlight).rejects.toThrow();
    } finally {
      await slow.unlock();
      await slow.cleanup();
    }
  });
});

async function waitingOnLocks(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  );
  return rows[0]?.n ?? 0;
}

async function balanceOf(database: Database, account: Account): Promise<string> {
  const row = await database.prisma.account.findUniqueOrThrow({ where: { id: account.id.value } });
  return row.balance.toFixed(2);
}

describe('a request that arrives while the server drains', () => {
  const t = useTestApp();

  it('is refused in our error shape with Retry-After, not with Fastify’s bare 503', async () => {
    t.app.beginDrain();

    const late = await t.app.inject({ method: 'GET', url: '/health' });

    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe(String(DEFAULT_API_CONFIG.unavailableRetryAfterSeconds));
    expect(late.headers.connection).toBe('close');
    expect(late.json()).toEqual({
      code: 'SHUTTING_DOWN',
      message: 'The server is shutting down; retry the request',
      requestId: late.headers['x-request-id'],
    });
  });
});
