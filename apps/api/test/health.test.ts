import { checkDatabaseHealth, createDatabase } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { CompositeHealthProbe } from '../src/health/composite-health-probe';
import type { DependencyCheck } from '../src/health/health-probe';
import { PrimaryDatabaseCheck } from '../src/health/primary-database.check';
import { useTestApp } from './support/test-app';

const replica = (ok: boolean, lagSeconds: number): DependencyCheck => ({
  name: 'replica:r1',
  critical: false,
  check: async () => ({ ok, lagSeconds, ...(ok ? {} : { error: 'connect ECONNREFUSED 10.0.0.7:5432' }) }),
});

describe('GET /health', () => {
  const t = useTestApp();

  it('reports the primary up with the pool in use, idle and waiting', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.checks.primary).toMatchObject({ ok: true, pool: { max: 5, inUse: expect.any(Number) } });
    expect(body.checks.primary.pool).toHaveProperty('idle');
    expect(body.checks.primary.pool).toHaveProperty('waiting');
  });

  it('answers 503 when the primary cannot be reached, without the driver message', async () => {
    const database = createDatabase({
      config: { ...baseConfig(), url: 'postgresql://postgres@127.0.0.1:1/none', connectionTimeoutMs: 500 },
      onPoolError: () => {},
    });
    try {
      const report = await new CompositeHealthProbe([new PrimaryDatabaseCheck(() => checkDatabaseHealth(database.pool))]).check();
      expect(report.status).toBe('down');
      expect(report.checks.primary!.ok).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('is degraded, not down, when only a non-critical dependency fails', async () => {
    const probe = new CompositeHealthProbe([
      { name: 'primary', critical: true, check: async () => ({ ok: true }) },
      replica(false, 12),
    ]);

    const report = await probe.check();

    expect(report.status).toBe('degraded');
    expect(report.checks['replica:r1']).toMatchObject({ ok: false, lagSeconds: 12 });
  });

  it('counts a check that hangs as failed after its timeout', async () => {
    const probe = new CompositeHealthProbe(
      [{ name: 'redis', critical: false, check: () => new Promise(() => {}) }],
      50,
    );

    expect((await probe.check()).checks.redis).toMatchObject({ ok: false });
  });
});

describe('GET /health with extension checks', () => {
  const t = useTestApp({
    deps: {
      health: new CompositeHealthProbe([
        { name: 'primary', critical: false, check: async () => ({ ok: true }) },
        replica(false, 3),
      ]),
    },
  });

  it('hides failure reasons from the public answer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(200);
    expect(response.json().checks['replica:r1']).toEqual({ ok: false, lagSeconds: 3, error: 'unavailable' });
    expect(response.body).not.toContain('ECONNREFUSED');
  });
});

function baseConfig() {
  return {
    url: '',
    poolMax: 3,
    connectionTimeoutMs: 2_000,
    idleTimeoutMs: 1_000,
    maxLifetimeSeconds: 60,
    statementTimeoutMs: 5_000,
    idleInTransactionTimeoutMs: 5_000,
    applicationName: 'stratum-test',
  };
}
