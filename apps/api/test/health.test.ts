import { createDatabase } from '@stratum/prisma';
import { createTestDatabase, type TestDatabase } from '@stratum/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseHealthProbe } from '../src/health/database-health-probe';
import { buildServer } from '../src/server';

describe('GET /health', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('reports the database up with pool figures when PostgreSQL answers', async () => {
    const database = createDatabase({ config: { ...baseConfig(), url: testDb.url } });
    const app = buildServer({ health: new DatabaseHealthProbe(database.pool) });
    try {
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.status).toBe('ok');
      expect(body.checks.primary.ok).toBe(true);
      expect(body.checks.primary.pool.max).toBe(3);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 when the database cannot be reached', async () => {
    const database = createDatabase({
      config: { ...baseConfig(), url: 'postgresql://postgres@127.0.0.1:1/none', connectionTimeoutMs: 500 },
      onPoolError: () => {},
    });
    const app = buildServer({ health: new DatabaseHealthProbe(database.pool) });
    try {
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json().checks.primary.ok).toBe(false);
    } finally {
      await app.close();
      await database.close();
    }
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
