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

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export type Env = Record<string, string | undefined>;

export function readDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) throw new ConfigError('DATABASE_URL', 'is not set');
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgresql:// URL');
  }
  const pooler = databasePooler(env);
  const preparedStatements = booleanFlag(env, 'DATABASE_PREPARED_STATEMENTS', pooler === 'none');
  if (preparedStatements && pooler === 'pgbouncer') {
    throw new ConfigError(
      'DATABASE_PREPARED_STATEMENTS',
      'cannot be true with DATABASE_POOLER=pgbouncer: PgBouncer 1.18 in transaction mode hands each ' +
        'transaction to any server connection, where a statement prepared on another is unknown',
    );
  }
  return {
    url,
    poolMax: positiveInt(env, 'DATABASE_POOL_MAX', 10),
    connectionTimeoutMs: positiveInt(env, 'DATABASE_POOL_TIMEOUT_MS', 5_000),
    idleTimeoutMs: positiveInt(env, 'DATABASE_POOL_IDLE_TIMEOUT_MS', 30_000),
    maxLifetimeSeconds: positiveInt(env, 'DATABASE_POOL_MAX_LIFETIME_S', 1_800),
    statementTimeoutMs: positiveInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    idleInTransactionTimeoutMs: positiveInt(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000),
    applicationName: env.DATABASE_APPLICATION_NAME || 'stratum',
    preparedStatements,
    pooler,
  };
}

function databasePooler(env: Env): DatabasePooler {
  const raw = env.DATABASE_POOLER;
  if (raw === undefined || raw === '') return 'none';
  const known = DATABASE_POOLERS.find((pooler) => pooler === raw);
  if (!known)
    throw new ConfigError('DATABASE_POOLER', `must be one of ${DATABASE_POOLERS.join(', ')}, got "${raw}"`);
  return known;
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

function booleanFlag(env: Env, variable: string, fallback: boolean): boolean {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(variable, `must be true or false, got "${raw}"`);
}

/** A positive integer from the environment, or `fallback` when unset; shared by the replica settings. */
export function positiveInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(variable, `must be a positive integer, got "${raw}"`);
  }
  return value;
}
