/**
 * A test database reached through a PgBouncer of the test's own, in transaction mode, as
 * production behind PgBouncer runs: DATABASE_POOLER=pgbouncer, and the timeouts as the
 * database's defaults, since PgBouncer passes no timeout at connect. (Production sets them on the
 * runtime role; a test cannot make roles on a shared server, and a database's defaults do the
 * same for its connections and go with it when it is dropped.)
 */
import {
  pgBouncerMissingReason,
  startPgBouncer,
  withAdminClient,
  type PgBouncer,
} from '@stratum/postgres-toolkit';
import { readDatabaseConfig, type DatabaseConfig, type Env } from '../database-config';
import {
  createTestDatabase,
  testServerUrl,
  type MigratedTestDatabase,
  type TestDatabase,
} from './test-database';

export type ConnectionRoute = 'direct' | 'pgbouncer';

export interface PooledTestDatabase {
  /** The database itself, directly: for CREATE, DROP and anything a test checks behind the bouncer's back. */
  testDb: MigratedTestDatabase;
  /** How the code under test connects: through the bouncer with the pooler setting, or directly. */
  config: DatabaseConfig;
  /** The bouncer's URL of the database, when there is one. */
  pooledUrl?: string;
  /** Stops the bouncer (if any) and drops the database. */
  drop(): Promise<void>;
}

/**
 * Why tests through PgBouncer cannot run here, or null. Where CI promised one
 * (STRATUM_REQUIRE_PGBOUNCER=1, set by .ci/run after installing it), a missing binary fails
 * instead of skipping, so those runs cannot quietly vanish.
 */
export function pgBouncerSkipReason(env: Env = process.env): string | null {
  const missing = pgBouncerMissingReason();
  if (missing && env.STRATUM_REQUIRE_PGBOUNCER === '1') {
    throw new Error(`STRATUM_REQUIRE_PGBOUNCER=1 but ${missing}`);
  }
  return missing;
}

export async function createRoutedTestDatabase(
  route: ConnectionRoute,
  env: Env = {},
): Promise<PooledTestDatabase> {
  const testDb = await createTestDatabase();
  if (route === 'direct') {
    return {
      testDb,
      config: readDatabaseConfig({ ...env, DATABASE_URL: testDb.runtimeUrl }),
      drop: () => testDb.drop(),
    };
  }
  let bouncer: PgBouncer | undefined;
  try {
    // The defaults first: the bouncer's readiness probe opens a server connection to this database,
    // which would keep the old defaults for its whole life.
    await setTimeoutDefaults(
      testDb,
      readDatabaseConfig({ ...env, DATABASE_URL: testDb.runtimeUrl, DATABASE_POOLER: 'pgbouncer' }),
    );
    // The bouncer's auth file names the role the code under test logs in as: the runtime role.
    bouncer = await startPgBouncer(new URL(testDb.runtimeUrl));
    // The code under test connects as the runtime role, through the bouncer as directly.
    const pooledUrl = bouncer.urlFor(testDb.runtimeUrl);
    const config = readDatabaseConfig({ ...env, DATABASE_URL: pooledUrl, DATABASE_POOLER: 'pgbouncer' });
    const started = bouncer;
    return {
      testDb,
      config,
      pooledUrl,
      drop: async () => {
        await started.stop();
        await testDb.drop();
      },
    };
  } catch (error) {
    await bouncer?.stop();
    await testDb.drop();
    throw error;
  }
}

/** What ops do for the runtime role (see README), done for one database. */
export async function setTimeoutDefaults(
  testDb: TestDatabase,
  config: Pick<DatabaseConfig, 'statementTimeoutMs' | 'idleInTransactionTimeoutMs'>,
): Promise<void> {
  await withAdminClient(testServerUrl(), async (admin) => {
    const database = admin.escapeIdentifier(testDb.name);
    // ALTER DATABASE takes no parameters; both values are integers checked by readDatabaseConfig.
    await admin.query(
      `ALTER DATABASE ${database} SET statement_timeout = ${Math.trunc(config.statementTimeoutMs)}`,
    );
    await admin.query(
      `ALTER DATABASE ${database} SET idle_in_transaction_session_timeout = ${Math.trunc(config.idleInTransactionTimeoutMs)}`,
    );
  });
}
