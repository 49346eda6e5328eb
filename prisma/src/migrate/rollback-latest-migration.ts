/**
 * Undoes the latest applied migration: runs its down.sql and marks it rolled back in
 * `_prisma_migrations`, in one transaction, under Prisma Migrate's own advisory lock so that a
 * `migrate deploy` started meanwhile waits for it (or times out) instead of interleaving.
 */
import pg from 'pg';
import { describeDownScript, DOWN_SCRIPT, readDownScript, type DownStep } from './down-script';
import {
  findFailedMigrations,
  findLatestApplied,
  hasMigrationHistory,
  markRolledBack,
  PRISMA_MIGRATE_LOCK_KEY,
  type MigrationRecord,
} from './migration-history';
import { RollbackRefusedError } from './rollback.errors';

export interface RollbackPlan {
  migration: MigrationRecord;
  downScript: string;
  /** What the down script does, statement by statement; tables with their current row counts. */
  steps: Array<DownStep & { rows?: number }>;
}

export interface RollbackOptions {
  /** Connection URL; migration commands pass migrationDatabaseUrl() (role and lock_timeout). */
  url: string;
  migrationsDir: string;
  /** Without it the plan is returned and nothing runs (the CLI's missing `--yes`). */
  confirmed: boolean;
}

export interface RollbackOutcome {
  plan: RollbackPlan;
  rolledBack: boolean;
}

export async function rollbackLatestMigration(options: RollbackOptions): Promise<RollbackOutcome> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const plan = await planRollback(client, options.migrationsDir);
    if (!options.confirmed) return { plan, rolledBack: false };
    await runRollback(client, plan);
    return { plan, rolledBack: true };
  } finally {
    await client.end();
  }
}

async function planRollback(client: pg.Client, migrationsDir: string): Promise<RollbackPlan> {
  const migration = await latestUndoable(client);
  const downScript = await readDownScript(migrationsDir, migration.name);
  if (downScript === null) {
    throw new RollbackRefusedError(
      'NO_DOWN_SCRIPT',
      `Migration ${migration.name} has no ${DOWN_SCRIPT} in ${migrationsDir}: it cannot be undone by this command.`,
    );
  }
  const steps: RollbackPlan['steps'] = [];
  // One after another: a pg client runs one query at a time.
  for (const step of describeDownScript(downScript)) {
    steps.push(step.kind === 'table' ? { ...step, rows: await countRows(client, step.table) } : step);
  }
  return { migration, downScript, steps };
}

/** The migration to undo, or a refusal: never past a failed migration, never on an empty history. */
async function latestUndoable(client: pg.Client): Promise<MigrationRecord> {
  if (!(await hasMigrationHistory(client))) {
    throw new RollbackRefusedError('NOTHING_TO_UNDO', 'Nothing to undo: no migration was ever applied here.');
  }
  const [failed] = await findFailedMigrations(client);
  if (failed) {
    throw new RollbackRefusedError(
      'FAILED_MIGRATION',
      `Migration ${failed.name} failed and is unresolved; roll back nothing until it is resolved: ` +
        `see \`prisma migrate status\` and \`prisma migrate resolve\`.`,
    );
  }
  const latest = await findLatestApplied(client);
  if (!latest) {
    throw new RollbackRefusedError(
      'NOTHING_TO_UNDO',
      'Nothing to undo: every migration is already rolled back.',
    );
  }
  return latest;
}

async function countRows(client: pg.Client, table: string): Promise<number | undefined> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    client.escapeIdentifier(table),
  ]);
  if (!rows[0]?.exists) return undefined;
  // The table name comes from the repository's down.sql, quoted as an identifier.
  const counted = await client.query<{ count: string }>(
    `SELECT count(*) AS count FROM ${client.escapeIdentifier(table)}`,
  );
  return Number(counted.rows[0]?.count ?? 0);
}

async function runRollback(client: pg.Client, plan: RollbackPlan): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    // Re-read under the lock: a deploy may have applied (or failed) a migration since the plan.
    const now = await latestUndoable(client);
    if (now.id !== plan.migration.id) {
      throw new RollbackRefusedError(
        'HISTORY_CHANGED',
        `The latest applied migration changed to ${now.name} while the rollback was being planned; run it again.`,
      );
    }
    // The whole script as one simple-protocol query, as Prisma runs a migration.sql.
    await client.query(plan.downScript);
    await markRolledBack(client, plan.migration.id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
