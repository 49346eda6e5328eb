/**
 * Reads and writes Prisma Migrate's own record of what ran, `_prisma_migrations`, the way the
 * schema engine reads it: a row with `rolled_back_at` set no longer counts as applied, so
 * `migrate status` lists that migration as pending and `migrate deploy` applies it again.
 */
import type pg from 'pg';

/** The advisory lock key Prisma Migrate holds while it applies migrations (the schema engine's). */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export interface MigrationRecord {
  id: string;
  name: string;
  finishedAt: Date | null;
  logs: string | null;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function hasMigrationHistory(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  );
  return rows[0]?.exists ?? false;
}

/** Migrations that started and neither finished nor were resolved: Prisma refuses to deploy past them. */
export async function findFailedMigrations(db: Queryable): Promise<MigrationRecord[]> {
  const { rows } = await db.query<MigrationRecord>(
    `SELECT id, migration_name AS name, finished_at AS "finishedAt", logs
       FROM _prisma_migrations
      WHERE finished_at IS NULL AND rolled_back_at IS NULL
      ORDER BY started_at`,
  );
  return rows;
}

/** The applied migration that comes last in Prisma's order (by name), or null when none is. */
export async function findLatestApplied(db: Queryable): Promise<MigrationRecord | null> {
  const { rows } = await db.query<MigrationRecord>(
    `SELECT id, migration_name AS name, finished_at AS "finishedAt", logs
       FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name DESC, finished_at DESC
      LIMIT 1`,
  );
  return rows[0] ?? null;
}

export async function markRolledBack(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1`, [id]);
}
