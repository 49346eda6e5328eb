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
   * Off behind PgBouncer in transaction mode older than 1.21, which cannot keep them.
   */
  preparedStatements?: boolean;
}

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
  return {
    url,
    poolMax: positiveInt(env, 'DATABASE_POOL_MAX', 10),
    connectionTimeoutMs: positiveInt(env, 'DATABASE_POOL_TIMEOUT_MS', 5_000),
    idleTimeoutMs: positiveInt(env, 'DATABASE_POOL_IDLE_TIMEOUT_MS', 30_000),
    maxLifetimeSeconds: positiveInt(env, 'DATABASE_POOL_MAX_LIFETIME_S', 1_800),
    statementTimeoutMs: positiveInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    idleInTransactionTimeoutMs: positiveInt(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000),
    applicationName: env.DATABASE_APPLICATION_NAME || 'stratum',
    preparedStatements: booleanFlag(env, 'DATABASE_PREPARED_STATEMENTS', true),
  };
}

/** A positive integer from the environment, or `fallback` when unset; shared by the replica settings. */
function booleanFlag(env: Env, variable: string, fallback: boolean): boolean {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(variable, `must be true or false, got "${raw}"`);
}

export function positiveInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(variable, `must be a positive integer, got "${raw}"`);
  }
  return value;
}
