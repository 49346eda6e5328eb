/**
 * How far the database's schema is from the migrations a build was made with, as Prisma Migrate
 * itself judges it from `_prisma_migrations`: applied means finished and not rolled back (the
 * rollback command sets `rolled_back_at`); a row neither finished nor rolled back is a failed
 * migration, which stops every later deploy until it is resolved.
 */
import { readdir } from 'node:fs/promises';
import type pg from 'pg';
import { migrationsDir } from '../paths';
import { hasMigrationHistory } from './migration-history';

export interface MigrationState {
  /** Expected by the build and not applied: the schema is behind the code. */
  pending: string[];
  /** Started and neither finished nor rolled back. */
  failed: string[];
  /** Applied but unknown to the build: a newer release migrated already (expected mid-rollout). */
  unknown: string[];
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function readMigrationState(
  db: Queryable,
  expected: readonly string[],
): Promise<MigrationState> {
  if (!(await hasMigrationHistory(db))) return { pending: [...expected], failed: [], unknown: [] };
  const { rows } = await db.query<{ name: string; finished: boolean; rolledBack: boolean }>(
    `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
       FROM _prisma_migrations`,
  );
  const applied = new Set(rows.filter((row) => row.finished && !row.rolledBack).map((row) => row.name));
  const failed = rows.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name);
  const known = new Set(expected);
  return {
    pending: expected.filter((name) => !applied.has(name)),
    failed,
    unknown: [...applied].filter((name) => !known.has(name)).sort(),
  };
}

/** The migrations in a migrations folder (this package's by default), in the order Prisma applies them. */
export async function listMigrations(dir: string = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
