// `db:migrate:rollback`, run as a release manager runs it, against real databases.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollbackLatestMigration } from '../src/migrate/rollback-latest-migration';
import { RollbackRefusedError } from '../src/migrate/rollback.errors';
import { migrationsDir } from '../src/paths';
import { createEmptyTestDatabase, createTestDatabase, runPrismaRaw, type TestDatabase } from '../src/testing';
import { rollBackUntilLatestIs } from './support/roll-back-until';
import { runScript } from './support/run-script';

const SESSIONS = '20261126001000_sessions';
const DEFAULT_ROLES = '20261126000100_default_roles';
const rollback = (db: TestDatabase, ...args: string[]) =>
  runScript('src/migrate/rollback.main.ts', args, { DATABASE_URL: db.url });

async function query<T extends pg.QueryResultRow>(db: TestDatabase, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const applied = async (db: TestDatabase) =>
  (
    await query<{ name: string }>(
      db,
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).map((row) => row.name);

const tableExists = async (db: TestDatabase, table: string) =>
  (await query<{ exists: boolean }>(db, 'SELECT to_regclass($1) IS NOT NULL AS exists', [table]))[0]!.exists;

describe('db:migrate:rollback', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('stratum_test_rollback');
    await rollBackUntilLatestIs(db.url, SESSIONS);
    const [user] = await query<{ id: string }>(
      db,
      `INSERT INTO users (email, name, password_hash) VALUES ('ada@example.com', 'Ada', 'x') RETURNING id`,
    );
    await query(
      db,
      `INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, repeat('a', 64), now() + interval '1 hour')`,
      [user!.id],
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prints what the down script drops and changes nothing without --yes', async () => {
    const run = await rollback(db);
    expect(run.stdout).toContain(`Rolling back ${SESSIONS}`);
    expect(run.stdout).toContain('drops constraint sessions_user_id_fkey of sessions');
    expect(run.stdout).toContain('drops table sessions (1 row)');
    expect(run.stderr).toContain('Run again with --yes');
    expect(run.exitCode).toBe(1);
    expect(await tableExists(db, 'sessions')).toBe(true);
    expect(await applied(db)).toContain(SESSIONS);
  });

  it('with --yes undoes the latest migration, which status then lists as pending and deploy applies again', async () => {
    const run = await rollback(db, '--yes');
    expect(run.stdout).toContain(`Rolled back ${SESSIONS}`);
    expect(run.exitCode).toBe(0);
    expect(await tableExists(db, 'sessions')).toBe(false);
    expect(await applied(db)).not.toContain(SESSIONS);

    const status = await runPrismaRaw(['migrate', 'status'], { DATABASE_URL: db.url });
    expect(status.stdout).toMatch(new RegExp(`not yet been applied:\\s+${SESSIONS}`));

    const deploy = await runPrismaRaw(['migrate', 'deploy'], { DATABASE_URL: db.url });
    expect(deploy.stdout).toContain(SESSIONS);
    expect(deploy.exitCode).toBe(0);
    expect(await tableExists(db, 'sessions')).toBe(true);
    expect(await applied(db)).toContain(SESSIONS);
  });

  it('rolls back nothing when the down script fails: the down and the mark are one transaction', async () => {
    await rollBackUntilLatestIs(db.url, DEFAULT_ROLES);
    const [user] = await query<{ id: string }>(db, `SELECT id FROM users LIMIT 1`);
    await query(
      db,
      `INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE name = 'user'`,
      [user!.id],
    );

    const run = await rollback(db, '--yes');
    expect(run.stderr).toContain('default roles are assigned to users');
    expect(run.stderr).toContain('nothing was changed');
    expect(run.exitCode).toBe(1);
    expect(await applied(db)).toContain(DEFAULT_ROLES);
    expect(await query(db, 'SELECT 1 FROM roles')).toHaveLength(3);
  });

  it('refuses while a migration has failed', async () => {
    await query(
      db,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, 'x', '20991231000000_broken', now(), 0)`,
    );
    try {
      const run = await rollback(db, '--yes');
      expect(run.stderr).toContain('Refused (FAILED_MIGRATION)');
      expect(run.stderr).toContain('20991231000000_broken');
      expect(run.exitCode).toBe(1);
      expect(await applied(db)).toContain(DEFAULT_ROLES);
    } finally {
      await query(db, `DELETE FROM _prisma_migrations WHERE migration_name = '20991231000000_broken'`);
    }
  });

  it('refuses when the latest migration has no down.sql', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-no-down-'));
    try {
      await cp(
        join(migrationsDir, DEFAULT_ROLES, 'migration.sql'),
        join(dir, DEFAULT_ROLES, 'migration.sql'),
      );
      const attempt = rollbackLatestMigration({ url: db.url, migrationsDir: dir, confirmed: true });
      await expect(attempt).rejects.toBeInstanceOf(RollbackRefusedError);
      await expect(attempt).rejects.toMatchObject({ code: 'NO_DOWN_SCRIPT' });
      expect(await applied(db)).toContain(DEFAULT_ROLES);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses when nothing was ever applied', async () => {
    const empty = await createEmptyTestDatabase();
    try {
      const run = await rollback(empty, '--yes');
      expect(run.stderr).toContain('Refused (NOTHING_TO_UNDO)');
      expect(run.exitCode).toBe(1);
    } finally {
      await empty.drop();
    }
  });
});
