import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';
import { namesStatements, readDatabaseConfig, type DatabaseConfig } from './database-config';
import { createPgPool, type StratumPool } from './pg-pool';
import { registerDirectSql } from './direct-sql';
import { statementNamer } from './statement-names';
import { directSqlTypes } from './timestamptz-parser';

export interface Database {
  prisma: PrismaClient;
  pool: StratumPool;
  config: DatabaseConfig;
  /** Closes the client and then the pool; safe to call twice. */
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  config?: DatabaseConfig;
  /** Where idle-connection errors go; by default they are written to stderr. */
  onPoolError?: (error: Error) => void;
  /** Emit every query as a 'query' event ($on('query')), e.g. to count round trips in tests. */
  emitQueryEvents?: boolean;
}

/** Builds a Prisma client on a pg pool whose every bound is set explicitly (see DatabaseConfig). */
export function createDatabase(options: CreateDatabaseOptions = {}): Database {
  const config = options.config ?? readDatabaseConfig();
  const onPoolError =
    options.onPoolError ??
    ((error: Error) => console.error(`[stratum] idle database connection failed: ${error.message}`));
  const pool = createPgPool(config, onPoolError);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(
      pool,
      !namesStatements(config)
        ? {}
        : // Unnamed past the namer's limit: pg runs a statement without a name as unprepared.
          { statementNameGenerator: statementNamer() as (query: { sql: string }) => string },
    ),
    ...(options.emitQueryEvents ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {}),
  });
  registerDirectSql(prisma, {
    pool,
    namedStatements: namesStatements(config),
    observers: new Set(),
    types: directSqlTypes,
  });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    pool,
    config,
    close: () =>
      (closing ??= (async () => {
        await prisma.$disconnect();
        await pool.end();
      })()),
  };
}
