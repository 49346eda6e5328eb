import type { Repositories, UnitOfWork } from '@stratum/domain';
import { withAdminClient } from '@stratum/postgres-toolkit';
import { createDatabase, readDatabaseConfig, type Database } from '@stratum/prisma';
import { createTestDatabase, type MigratedTestDatabase } from '@stratum/prisma/testing';
import { afterAll, beforeAll } from 'vitest';
import { createPrismaRepositories } from '../../src/prisma-repositories';
import { PrismaUnitOfWork } from '../../src/unit-of-work/prisma-unit-of-work';

export interface DatabaseHandle {
  /** The database of this test file; valid from beforeAll on. */
  readonly database: Database;
  /** The admin's URL of the database (the Prisma client connects as the runtime role). */
  readonly url: string;
  /**
   * Fresh planner statistics for `tables`, gathered as the admin: ANALYZE is the owner's, and the
   * runtime role would only get a warning.
   */
  analyze(...tables: string[]): Promise<void>;
}

/**
 * Gives the calling test file a database of its own (copied from the migrated template) and a
 * Prisma client on it as the runtime role, as in production; closed and dropped after the file's
 * last test.
 */
export function useTestDatabase(
  options: { poolMax?: number; emitQueryEvents?: boolean } = {},
): DatabaseHandle {
  let testDb: MigratedTestDatabase | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = createDatabase({
      config: { ...readDatabaseConfig({ DATABASE_URL: testDb.runtimeUrl }), poolMax: options.poolMax ?? 10 },
      emitQueryEvents: options.emitQueryEvents,
    });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });
  return {
    get database() {
      if (!database) throw new Error('the test database exists from beforeAll on');
      return database;
    },
    get url() {
      if (!testDb) throw new Error('the test database exists from beforeAll on');
      return testDb.url;
    },
    async analyze(...tables) {
      if (!testDb) throw new Error('the test database exists from beforeAll on');
      await withAdminClient(testDb.url, (admin) =>
        admin.query(`ANALYZE ${tables.map((table) => admin.escapeIdentifier(table)).join(', ')}`),
      );
    },
  };
}

export type PrismaSubject = Repositories & {
  repositories: Repositories;
  unitOfWork: UnitOfWork;
  cleanup: () => Promise<void>;
};

/**
 * What the domain's contract suites ask for, on Prisma. The suites make their own rows with random
 * values and look only at those, so tests of one file share the database and need no cleanup.
 */
export function prismaSubject(handle: DatabaseHandle): PrismaSubject {
  const repositories = createPrismaRepositories(handle.database.prisma);
  return {
    ...repositories,
    repositories,
    unitOfWork: new PrismaUnitOfWork(handle.database.prisma),
    cleanup: async () => {},
  };
}
