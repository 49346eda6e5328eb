import type { Repositories, UnitOfWork } from '@stratum/domain';
import { withAdminClient } from '@stratum/postgres-toolkit';
import { createDatabase, type Database } from '@stratum/prisma';
import {
  createRoutedTestDatabase,
  pgBouncerSkipReason,
  type ConnectionRoute,
  type PooledTestDatabase,
} from '@stratum/prisma/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPrismaRepositories } from '../../src/prisma-repositories';
import { PrismaUnitOfWork } from '../../src/unit-of-work/prisma-unit-of-work';

export interface DatabaseHandle {
  /** The database of this test file; valid from beforeAll on. */
  readonly database: Database;
  /** The admin's URL of the database, directly on the server even when `database` goes through
   * PgBouncer (the Prisma client connects as the runtime role). */
  readonly url: string;
  /**
   * Fresh planner statistics for `tables`, gathered as the admin: ANALYZE is the owner's, and the
   * runtime role would only get a warning.
   */
  analyze(...tables: string[]): Promise<void>;
}

/**
 * Gives the calling test file (or describe block) a database of its own (copied from the migrated
 * template) and a Prisma client on it as the runtime role, as in production, closed and dropped after the last test. With `route:
 * 'pgbouncer'` the client goes through a PgBouncer of its own in transaction mode, with
 * DATABASE_POOLER=pgbouncer, as production behind one does.
 */
export function useTestDatabase(
  options: { poolMax?: number; emitQueryEvents?: boolean; route?: ConnectionRoute } = {},
): DatabaseHandle {
  let routed: PooledTestDatabase | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    routed = await createRoutedTestDatabase(options.route ?? 'direct');
    database = createDatabase({
      config: { ...routed.config, poolMax: options.poolMax ?? 10 },
      emitQueryEvents: options.emitQueryEvents,
    });
  });
  afterAll(async () => {
    await database?.close();
    await routed?.drop();
  });
  return {
    get database() {
      if (!database) throw new Error('the test database exists from beforeAll on');
      return database;
    },
    get url() {
      if (!routed) throw new Error('the test database exists from beforeAll on');
      return routed.testDb.url;
    },
    async analyze(...tables) {
      if (!routed) throw new Error('the test database exists from beforeAll on');
      await withAdminClient(routed.testDb.url, (admin) =>
        admin.query(`ANALYZE ${tables.map((table) => admin.escapeIdentifier(table)).join(', ')}`),
      );
    },
  };
}

export interface RouteCase {
  route: ConnectionRoute;
  /** Why this route cannot run here (no pgbouncer binary), or null. */
  skip: string | null;
}

/** Directly, and through PgBouncer in transaction mode where the machine has one. */
export function connectionRoutes(): RouteCase[] {
  return [
    { route: 'direct', skip: null },
    { route: 'pgbouncer', skip: pgBouncerSkipReason() },
  ];
}

/**
 * Registers `body` once per route, in a describe block of its own named after it; the PgBouncer
 * block is reported skipped, with the reason in its name, on a machine without pgbouncer.
 */
export function describeEachRoute(title: string, body: (route: ConnectionRoute) => void): void {
  for (const { route, skip } of connectionRoutes()) {
    const name = `${title}, ${route === 'direct' ? 'directly' : 'through PgBouncer (transaction mode)'}`;
    describe.skipIf(skip)(skip ? `${name} (skipped: ${skip})` : name, () => body(route));
  }
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
