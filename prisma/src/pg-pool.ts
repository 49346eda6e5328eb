import pg from 'pg';
import { behindTransactionPooler, type DatabaseConfig } from './database-config';

/**
 * Thrown when no connection could be had within the pool's timeout: every connection was busy
 * (or the server did not answer). pg's own message ("timeout exceeded when trying to connect")
 * does not say which, nor how loaded the pool was.
 */
export const POOL_TIMEOUT = 'POOL_TIMEOUT';

export class PoolTimeoutError extends Error {
  override readonly name = 'PoolTimeoutError';
  /** Prisma keeps a driver error's code when it wraps it, so callers can match on this. */
  readonly code = POOL_TIMEOUT;
  constructor(
    readonly timeoutMs: number,
    readonly stats: PoolStats,
    options?: ErrorOptions,
  ) {
    super(
      `No database connection available within ${timeoutMs} ms ` +
        `(pool max ${stats.max}: ${stats.total} open, ${stats.idle} idle, ${stats.waiting} waiting). ` +
        `The pool is exhausted or the database is not answering; raise DATABASE_POOL_MAX or find the slow queries.`,
      options,
    );
  }
}

export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

/** A pg pool whose exhaustion is reported as a PoolTimeoutError rather than a vague timeout. */
export class StratumPool extends pg.Pool {
  constructor(private readonly config: DatabaseConfig) {
    super({
      connectionString: config.url,
      max: config.poolMax,
      connectionTimeoutMillis: config.connectionTimeoutMs,
      idleTimeoutMillis: config.idleTimeoutMs,
      maxLifetimeSeconds: config.maxLifetimeSeconds,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...startupParameters(config),
    });
  }

  stats(): PoolStats {
    return {
      max: this.config.poolMax,
      total: this.totalCount,
      idle: this.idleCount,
      waiting: this.waitingCount,
    };
  }

  // pg's Pool#query acquires through the callback form of connect, Prisma's transactions through
  // the promise form: both must translate the timeout.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect((error, client, done) => callback(this.translate(error), client, done));
      return;
    }
    return super.connect().catch((error: unknown) => {
      throw this.translate(error);
    });
  }

  private translate<E>(error: E): E | PoolTimeoutError {
    if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
      return new PoolTimeoutError(this.config.connectionTimeoutMs, this.stats(), { cause: error });
    }
    return error;
  }
}

/**
 * What each connection asks the server for at connect. PgBouncer refuses any startup parameter but
 * a few it tracks (application_name is one; statement_timeout and options are not), so behind it
 * the timeouts are the role's defaults (`ALTER ROLE ... SET statement_timeout`), which cost
 * nothing per call; `checkSessionTimeouts` says at start-up when they are missing.
 */
export function startupParameters(config: DatabaseConfig): pg.PoolConfig {
  if (behindTransactionPooler(config)) return { application_name: config.applicationName };
  return {
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs,
    application_name: config.applicationName,
  };
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

export function createPgPool(config: DatabaseConfig, onError: (error: Error) => void): StratumPool {
  const pool = new StratumPool(config);
  // An idle connection that dies (server restart, network cut) emits 'error' on the pool; without a
  // listener Node would crash the process. The pool replaces the connection on next use.
  pool.on('error', onError);
  return pool;
}
