import { z } from 'zod';
import {
  ConfigError,
  envBoolean,
  envInteger,
  envOneOf,
  envText,
  envUrl,
  parseEnv,
  type Env,
} from './config/env-schema';
import { REPLICA_ENV } from './replicas/replica-env';

export { ConfigError, type Env };

/**
 * The database settings Stratum reads from the environment, validated once at start-up so a
 * typo fails loudly instead of falling back to a default nobody chose.
 */
export interface DatabaseConfig {
  url: string;
  /** Most connections the pool opens. */
  poolMax: number;
  /** How long a query waits for a free connection (or for a new one to connect) before failing. */
  connectionTimeoutMs: number;
  /** How long an unused connection stays open. */
  idleTimeoutMs: number;
  /** Connections are replaced after this long, so server-side memory and failovers are picked up. */
  maxLifetimeSeconds: number;
  /** PostgreSQL cancels any single statement running longer than this. */
  statementTimeoutMs: number;
  /** A transaction left idle this long is ended by the server, releasing its locks. */
  idleInTransactionTimeoutMs: number;
  /** Shown in pg_stat_activity, so operators can tell our connections apart. */
  applicationName: string;
  /**
   * Name every statement so each connection parses and plans it once (see statement-names.ts).
   * Off behind PgBouncer in transaction mode older than 1.21, which cannot keep them: the pooler
   * setting turns it off here, the one place, and everything that names statements reads this.
   */
  preparedStatements?: boolean;
  /**
   * What sits between us and PostgreSQL. `pgbouncer` (transaction pooling): no named statements, no
   * session parameters at connect (PgBouncer refuses `statement_timeout` there; the timeouts come
   * from the role's defaults instead, see README), and only transaction-scoped advisory locks.
   */
  pooler?: DatabasePooler;
}

export const DATABASE_POOLERS = ['none', 'pgbouncer'] as const;
export type DatabasePooler = (typeof DATABASE_POOLERS)[number];

/**
 * The variables @stratum/prisma reads, with their defaults: the primary's pool and the read
 * replicas. One schema, so a start-up with several mistakes reports all of them.
 */
export const DATABASE_ENV = z.object({
  DATABASE_URL: envUrl(['postgresql', 'postgres']),
  DATABASE_POOL_MAX: envInteger().default(10),
  DATABASE_POOL_TIMEOUT_MS: envInteger().default(5_000),
  DATABASE_POOL_IDLE_TIMEOUT_MS: envInteger().default(30_000),
  DATABASE_POOL_MAX_LIFETIME_S: envInteger().default(1_800),
  DATABASE_STATEMENT_TIMEOUT_MS: envInteger().default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: envInteger().default(30_000),
  DATABASE_APPLICATION_NAME: envText().default('stratum'),
  // No default here: unset means "on, unless behind a transaction pooler".
  DATABASE_PREPARED_STATEMENTS: envBoolean().optional(),
  DATABASE_POOLER: envOneOf(DATABASE_POOLERS).default('none'),
  ...REPLICA_ENV.shape,
});

export function readDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const settings = parseEnv(DATABASE_ENV, env);
  const pooler = settings.DATABASE_POOLER;
  if (settings.DATABASE_PREPARED_STATEMENTS === true && pooler === 'pgbouncer') {
    throw new ConfigError(
      'DATABASE_PREPARED_STATEMENTS',
      'cannot be true with DATABASE_POOLER=pgbouncer: PgBouncer 1.18 in transaction mode hands each ' +
        'transaction to any server connection, where a statement prepared on another is unknown',
    );
  }
  return {
    url: settings.DATABASE_URL,
    poolMax: settings.DATABASE_POOL_MAX,
    connectionTimeoutMs: settings.DATABASE_POOL_TIMEOUT_MS,
    idleTimeoutMs: settings.DATABASE_POOL_IDLE_TIMEOUT_MS,
    maxLifetimeSeconds: settings.DATABASE_POOL_MAX_LIFETIME_S,
    statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    applicationName: settings.DATABASE_APPLICATION_NAME,
    preparedStatements: settings.DATABASE_PREPARED_STATEMENTS ?? pooler === 'none',
    pooler,
  };
}

/**
 * Whether statements get names (are prepared once per connection): the one answer for everything
 * that runs statements on our pools, Prisma's adapter and any direct path alike.
 */
export function namesStatements(config: Pick<DatabaseConfig, 'preparedStatements' | 'pooler'>): boolean {
  return config.preparedStatements !== false && !behindTransactionPooler(config);
}

/** True when the connection goes through a transaction-pooling PgBouncer (see `pooler`). */
export function behindTransactionPooler(config: Pick<DatabaseConfig, 'pooler'>): boolean {
  return config.pooler === 'pgbouncer';
}
