/**
 * Rolls back the latest migration until `name` is the latest one applied: tests of a particular
 * migration's rollback or lock behaviour stay true as later migrations are added.
 */
import pg from 'pg';
import { rollbackLatestMigration } from '../../src/migrate/rollback-latest-migration';
import { migrationsDir } from '../../src/paths';

export async function rollBackUntilLatestIs(url: string, name: string): Promise<void> {
  for (;;) {
    const latest = await latestApplied(url);
    if (latest === name) return;
    if (latest === undefined || latest < name) throw new Error(`${name} is not applied to ${url}`);
    await rollbackLatestMigration({ url, migrationsDir, confirmed: true });
  }
}

async function latestApplied(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
    );
    return rows[0]?.name;
  } finally {
    await client.end();
  }
}
