import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './database-config';
import { POOL_TIMEOUT } from './pg-pool';
import { createDatabase, type Database } from './prisma-client';
import { createTestDatabase, type TestDatabase } from './testing';

describe('the pool behind the Prisma client', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = createDatabase({
      config: {
        ...readDatabaseConfig({ DATABASE_URL: testDb.url }),
        poolMax: 1,
        connectionTimeoutMs: 300,
        applicationName: 'stratum-pool-test',
      },
    });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('tags its connections with the application name and the statement timeout', async () => {
    const [row] = await database.prisma.$queryRaw<Array<{ app: string; timeout: string }>>`
      SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout`;
    expect(row).toEqual({ app: 'stratum-pool-test', timeout: '15s' });
  });

  it('fails a query with PoolTimeoutError when every connection stays busy past the timeout', async () => {
    const held = await database.pool.connect();
    try {
      const started = performance.now();
      const error = await database.prisma.user.count().catch((e: unknown) => e);
      const waited = performance.now() - started;
      // Prisma re-wraps driver errors but keeps their code and message.
      expect(error).toMatchObject({ code: POOL_TIMEOUT });
      expect(String((error as Error).message)).toMatch(
        /No database connection available within 300 ms \(pool max 1: 1 open, 0 idle/,
      );
      expect(waited).toBeGreaterThanOrEqual(250);
    } finally {
      held.release();
    }
    await expect(database.prisma.user.count()).resolves.toBe(0);
  });
});
