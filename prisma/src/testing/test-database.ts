/**
 * Isolated databases for tests: every test file gets a database of its own, copied from a template
 * that `prisma migrate deploy` built once per set of migrations. Copying a template takes a few
 * tens of milliseconds; running the migrations for every file would take seconds.
 */
import {
  createScratchDatabase,
  ensureTemplateDatabase,
  guardedServerUrl,
  type ScratchDatabase,
} from '@stratum/postgres-toolkit';
import { migrateDeploy, migrationsFingerprint } from './migrate-deploy';
import { asTestRuntimeRole, ensureTestRuntimeRole } from './test-runtime-role';

export type TestDatabase = ScratchDatabase;

/** A migrated test database: `url` is the admin's, `runtimeUrl` the runtime role's (for the app). */
export interface MigratedTestDatabase extends TestDatabase {
  readonly runtimeUrl: string;
}

/** Refuses any server URL whose database name does not say "test": tests create and drop databases. */
export function testServerUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.DATABASE_URL;
  if (!raw) {
    throw new Error(
      'DATABASE_URL is not set: run the tests with the README test command, which provides one.',
    );
  }
  return guardedServerUrl(raw, 'test', 'tests create and drop databases');
}

export async function createTestDatabase(prefix = 'stratum_test'): Promise<MigratedTestDatabase> {
  const server = testServerUrl();
  const template = await ensureTemplate(server);
  // After the template: its migrations create the group role the runtime role joins.
  const password = await ensureTestRuntimeRole(server);
  const database = await createScratchDatabase(server, { prefix, template });
  return { ...database, runtimeUrl: asTestRuntimeRole(database.url, password) };
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export function createEmptyTestDatabase(prefix = 'stratum_test_empty'): Promise<TestDatabase> {
  return createScratchDatabase(testServerUrl(), { prefix, template: null });
}

let templateName: Promise<string> | undefined;

function ensureTemplate(server: URL): Promise<string> {
  return (templateName ??= ensureTemplateDatabase({
    server,
    name: `stratum_test_tpl_${migrationsFingerprint()}`,
    build: ({ url }) => migrateDeploy(url),
  }));
}
