import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './database-config';
import { createDatabase, type Database } from './prisma-client';
import { createTestDatabase, type TestDatabase } from './testing';

describe('the Prisma client from createDatabase', () => {
  let testDb: TestDatabase;
  const opened: Database[] = [];
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
    await testDb?.drop();
  });

  // One connection, so the statement we look for was prepared on the connection we ask.
  const open = (preparedStatements: boolean) => {
    const database = createDatabase({
      config: { ...readDatabaseConfig({ DATABASE_URL: testDb.url }), poolMax: 1, preparedStatements },
    });
    opened.push(database);
    return database;
  };
  const preparedCounts = (database: Database) =>
    database.prisma.$queryRaw<Array<{ statement: string }>>`
      SELECT statement FROM pg_prepared_statements
      WHERE statement LIKE '%"products"%' AND statement NOT LIKE '%pg_prepared_statements%'`;

  it('prepares each statement once per connection by default', async () => {
    const database = open(true);
    await database.prisma.product.count();
    await database.prisma.product.count();
    expect(await preparedCounts(database)).toHaveLength(1);
  });

  it('prepares nothing when DATABASE_PREPARED_STATEMENTS is off', async () => {
    const database = open(false);
    await database.prisma.product.count();
    expect(await preparedCounts(database)).toHaveLength(0);
  });
});
