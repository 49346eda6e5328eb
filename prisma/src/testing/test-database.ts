/**
 * Isolated databases for tests: every test file gets a database of its own, copied from a template
 * that `prisma migrate deploy` built once per set of migrations. Copying a template takes a few
 * tens of milliseconds; running the migrations for every file would take seconds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrationsDir } from '../paths';
import { runPrisma } from './run-prisma';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Refuses any server URL whose database name does not say "test": tests create and drop databases. */
export function testServerUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.DATABASE_URL;
  if (!raw) {
    throw new Error(
      'DATABASE_URL is not set: run the tests with the README test command, which provides one.',
    );
  }
  const url = new URL(raw);
  const database = url.pathname.slice(1);
  if (!/test/i.test(database)) {
    throw new Error(`Refusing to run tests against database "${database}": its name must contain "test".`);
  }
  return url;
}

export async function createTestDatabase(prefix = 'stratum_test'): Promise<TestDatabase> {
  const server = testServerUrl();
  const template = await ensureTemplate(server);
  return createDatabaseOn(server, prefix, template);
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export function createEmptyTestDatabase(prefix = 'stratum_test_empty'): Promise<TestDatabase> {
  return createDatabaseOn(testServerUrl(), prefix, null);
}

async function createDatabaseOn(server: URL, prefix: string, template: string | null): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdminClient(server, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}` +
        (template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''),
    ),
  );
  return {
    name,
    url: databaseUrl(server, name),
    drop: () =>
      withAdminClient(server, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

let templateName: Promise<string> | undefined;

function ensureTemplate(server: URL): Promise<string> {
  return (templateName ??= buildTemplateOnce(server));
}

async function buildTemplateOnce(server: URL): Promise<string> {
  const template = `stratum_test_tpl_${migrationsFingerprint()}`;
  // Parallel test workers race to build the same template: an advisory lock lets one build it while
  // the others wait, and the build happens under another name so nobody copies a half-made one.
  return withAdminClient(server, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return template;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(building)}`);
      await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl(server, building) });
      await client.query(
        `ALTER DATABASE ${client.escapeIdentifier(building)} RENAME TO ${client.escapeIdentifier(template)}`,
      );
      return template;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
}

/** Changes whenever a migration is added or edited, so a stale template is never reused. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(migrationsDir, { recursive: true }).map(String).sort()) {
    if (!entry.endsWith('.sql')) continue;
    hash.update(entry);
    hash.update(readFileSync(join(migrationsDir, entry)));
  }
  return hash.digest('hex').slice(0, 12);
}

function databaseUrl(server: URL, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(server: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
