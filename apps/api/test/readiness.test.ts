import { withAdminClient } from '@stratum/postgres-toolkit';
import { describe, expect, it } from 'vitest';
import { PoolSaturationCheck } from '../src/health/pool-saturation.check';
import { useTestApp } from './support/test-app';

const LATEST = '20261126001000_sessions';

describe('GET /health/live and /health/ready', () => {
  const t = useTestApp();
  const ready = () => t.app.inject({ method: 'GET', url: '/health/ready' });
  // Prisma's bookkeeping is the migration role's to write: the test changes it as the admin.
  const sql = (text: string) => withAdminClient(t.adminUrl, (admin) => admin.query(text));

  it('answers live without touching a dependency', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready on a migrated database with room in the pool', async () => {
    const response = await ready();

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      checks: {
        primary: { ok: true },
        pool: { ok: true, max: 5 },
        migrations: { ok: true, pending: [], failed: [] },
      },
    });
  });

  it('is not ready while a migration is rolled back, and ready again once it is reapplied', async () => {
    await sql(
      `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20261126001000_sessions'`,
    );
    try {
      const response = await ready();

      expect(response.statusCode).toBe(503);
      expect(response.json().checks.migrations).toMatchObject({ ok: false, pending: [LATEST] });
    } finally {
      await sql(
        `UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = '20261126001000_sessions'`,
      );
    }
    expect((await ready()).statusCode).toBe(200);
  });

  it('is not ready while a migration has failed', async () => {
    await sql(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
              VALUES ('failed-for-test', 'x', '20991231000000_half_done', now(), 0)`,
    );
    try {
      const response = await ready();

      expect(response.statusCode).toBe(503);
      expect(response.json().checks.migrations).toMatchObject({
        ok: false,
        failed: ['20991231000000_half_done'],
      });
    } finally {
      await sql(`DELETE FROM _prisma_migrations WHERE id = 'failed-for-test'`);
    }
  });

  it('stays ready when a newer release has applied a migration this build does not know', async () => {
    await sql(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
              VALUES ('newer-for-test', 'x', '20991231000000_expand', now(), now(), 1)`,
    );
    try {
      const response = await ready();

      expect(response.statusCode).toBe(200);
      expect(response.json().checks.migrations.newer).toEqual(['20991231000000_expand']);
    } finally {
      await sql(`DELETE FROM _prisma_migrations WHERE id = 'newer-for-test'`);
    }
  });

  it('is not ready while every connection is out and requests queue for one', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => t.database.pool.connect()));
    const queued = t.database.pool.connect();
    try {
      const response = await ready();

      expect(response.statusCode).toBe(503);
      expect(response.json().checks.pool).toMatchObject({ ok: false, inUse: 5, waiting: expect.any(Number) });
      // The probe itself never got a connection: the primary counts as unreachable meanwhile.
      expect(response.json().checks.primary.ok).toBe(false);
    } finally {
      held.forEach((client) => client.release());
      (await queued).release();
    }
    expect((await ready()).statusCode).toBe(200);
  });
});

describe('PoolSaturationCheck', () => {
  const check = (stats: { max: number; total: number; idle: number; waiting: number }) =>
    new PoolSaturationCheck({ stats: () => stats }).check();

  it('passes a full pool nobody waits for, and fails one with requests queued', async () => {
    expect(await check({ max: 4, total: 4, idle: 0, waiting: 0 })).toMatchObject({ ok: true });
    expect(await check({ max: 4, total: 3, idle: 0, waiting: 2 })).toMatchObject({ ok: true });
    expect(await check({ max: 4, total: 4, idle: 0, waiting: 1 })).toMatchObject({ ok: false });
  });
});
