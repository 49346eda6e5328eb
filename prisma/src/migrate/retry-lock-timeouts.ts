/**
 * A migration that gave up on lock_timeout applied nothing (Prisma runs a migration.sql as one
 * implicit transaction), so it is safe to run again once the lock is gone. Prisma still records it
 * as failed and refuses every later deploy (P3009) until someone runs `migrate resolve`: this marks
 * such migrations rolled back, so the release job's rerun just applies them.
 *
 * Only lock timeouts, and only migrations without CONCURRENTLY: a concurrent index build runs
 * outside a transaction and can leave an invalid index behind, which needs a person to look.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import {
  findFailedMigrations,
  hasMigrationHistory,
  markRolledBack,
  PRISMA_MIGRATE_LOCK_KEY,
} from './migration-history';

const LOCK_TIMEOUT_FAILURE = /canceling statement due to lock timeout|\b55P03\b/;

/** @returns the names of the migrations it marked for a retry */
export async function releaseLockTimeoutFailures(url: string, migrationsDir: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await hasMigrationHistory(client))) return [];
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    const released: string[] = [];
    for (const failed of await findFailedMigrations(client)) {
      if (!LOCK_TIMEOUT_FAILURE.test(failed.logs ?? '')) continue;
      const script = await readFile(join(migrationsDir, failed.name, 'migration.sql'), 'utf8').catch(
        () => null,
      );
      if (script === null || /\bconcurrently\b/i.test(script)) continue;
      await markRolledBack(client, failed.id);
      released.push(failed.name);
    }
    await client.query('COMMIT');
    return released;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
