import { createPrismaRepositories } from '@stratum/adapters';
import type { Repositories } from '@stratum/domain';
import { createDatabase, readDatabaseConfig, type Database, type PrismaClient } from '@stratum/prisma';
import pg from 'pg';
import { openDrizzle, type DrizzleDb } from '../drizzle/drizzle-client';
import { prepareDrizzleReads, type DrizzleReads } from '../drizzle/drizzle-reads';
import type { ImplementationId } from '../harness/bench-operation';
import { createCachedRepositories, type CachedRepositories } from './cached-repositories';
import { countRoundTrips } from './round-trips';

/**
 * One database's clients, one pool per implementation and each of the same size, so no
 * implementation waits on another's connections or inherits its prepared statements.
 */
export interface BenchClients {
  stratum: Repositories;
  /** The client the plain-Prisma implementations use, built the way Stratum builds its own. */
  prisma: PrismaClient;
  raw: pg.Pool;
  /** Drizzle ORM's prepared reads, on a pool of their own. */
  drizzle: DrizzleReads;
  /** The same Drizzle database, for its writes (each a transaction, see drizzle-writes.ts). */
  drizzleDb: DrizzleDb;
  /** A second raw pool, for the raw interactive transaction. */
  rawTx: pg.Pool;
  cached: CachedRepositories | null;
  /** Statements sent so far by each implementation's pool. */
  roundTrips: Record<ImplementationId, () => number>;
  /** The server process behind an implementation's connection; meaningful with a pool of one. */
  backendPid(implementation: ImplementationId): Promise<number>;
  close(): Promise<void>;
}

export async function openBenchClients(url: string, pool: number, redisUrl?: string): Promise<BenchClients> {
  const stratumDb = prismaDatabase(url, pool, 'stratum-bench-stratum');
  const prismaDb = prismaDatabase(url, pool, 'stratum-bench-prisma');
  const raw = new pg.Pool({ connectionString: url, max: pool, application_name: 'stratum-bench-raw' });
  const drizzle = openDrizzle(url, pool);
  const rawTx = new pg.Pool({ connectionString: url, max: pool, application_name: 'stratum-bench-raw-tx' });
  // Counting starts before the first connection opens, so that every connection is counted.
  const rawTrips = countRoundTrips(raw);
  const roundTrips = {
    stratum: countRoundTrips(stratumDb.pool),
    prisma: countRoundTrips(prismaDb.pool),
    raw: rawTrips,
    drizzle: countRoundTrips(drizzle.pool),
    'raw-tx': countRoundTrips(rawTx),
  };
  // Prisma loads its query compiler and opens connections on first use: pay that here, not in
  // the first measurement (it takes seconds on a loaded machine).
  await Promise.all([stratumDb, prismaDb].map((db) => db.prisma.$queryRaw`SELECT 1`));
  const cached = await createCachedRepositories(stratumDb.prisma, redisUrl);
  return {
    stratum: createPrismaRepositories(stratumDb.prisma),
    prisma: prismaDb.prisma,
    raw,
    drizzle: prepareDrizzleReads(drizzle.db),
    drizzleDb: drizzle.db,
    rawTx,
    cached,
    roundTrips,
    backendPid: async (implementation) => {
      if (implementation === 'raw' || implementation === 'raw-tx' || implementation === 'drizzle') {
        const pool = implementation === 'raw' ? raw : implementation === 'drizzle' ? drizzle.pool : rawTx;
        return (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      }
      const db = implementation === 'stratum' ? stratumDb : prismaDb;
      const [row] = await db.prisma.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
      return row?.pid ?? 0;
    },
    close: async () => {
      await cached?.close();
      await Promise.all([stratumDb.close(), prismaDb.close(), raw.end(), rawTx.end(), drizzle.pool.end()]);
    },
  };
}

function prismaDatabase(url: string, pool: number, applicationName: string): Database {
  return createDatabase({
    config: { ...readDatabaseConfig({ DATABASE_URL: url }), poolMax: pool, applicationName },
  });
}
