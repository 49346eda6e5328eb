import { readdirSync } from 'node:fs';
// Migrations that meet a lock give up within MIGRATION_LOCK_TIMEOUT, and racing deploys are safe.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../src/paths';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '../src/testing';
import { createMigrationProject } from './support/migration-project';
import { rollBackUntilLatestIs } from './support/roll-back-until';
import { runScript } from './support/run-script';

const SESSIONS = '20261126001000_sessions';
const DEFAULT_ROLES = '20261126000100_default_roles';
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('a migration behind a long transaction', () => {
  it('fails on lock_timeout with the migration name, status says so, and the rerun applies it', async () => {
    const db = await createTestDatabase('stratum_test_locks');
    databases.push(db);
    await rollBackUntilLatestIs(db.url, DEFAULT_ROLES); // sessions is pending again
    // Deploy and status see the migrations up to sessions only: Prisma's status lists the pending
    // migrations after a failed one instead of the failure.
    const upToSessions = await createMigrationProject(
      readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name <= SESSIONS)
        .map((entry) => entry.name)
        .sort(),
    );

    // The sessions migration adds a foreign key to users, which needs a lock that conflicts with
    // any transaction that has written to users and is still open.
    const holder = await connect(db.url);
    const db2 = await connect(db.url);
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO users (email, name, password_hash) VALUES ('long@example.com', 'Long', 'x')`,
      );
      const env = { DATABASE_URL: db.url, MIGRATION_LOCK_TIMEOUT: '1s' };

      const deploy = await upToSessions.prisma(['migrate', 'deploy'], env);
      expect(deploy.exitCode).not.toBe(0);
      expect(deploy.stderr).toContain(`Migration name: ${SESSIONS}`);
      expect(deploy.stderr).toContain('Database error code: 55P03');
      expect(deploy.stderr).toContain('canceling statement due to lock timeout');
      // It returned while the holder still has its transaction open: had it queued behind the lock
      // instead of giving up, this await would never have returned.
      expect(
        (await holder.query<{ open: string | null }>('SELECT txid_current_if_assigned() AS open')).rows[0]!
          .open,
      ).not.toBeNull();

      const status = await upToSessions.prisma(['migrate', 'status'], env);
      expect(status.stdout + status.stderr).toMatch(new RegExp(`have failed:\\s+${SESSIONS}`));

      await holder.query('COMMIT');
      const rerun = await runScript('src/migrate/deploy.main.ts', [], env);
      expect(rerun.stdout).toContain(`${SESSIONS} failed earlier on lock_timeout`);
      expect(rerun.stdout).toContain('All migrations have been successfully applied');
      expect(rerun.exitCode).toBe(0);
      const { rows } = await db2.query(
        `SELECT 1 FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [SESSIONS],
      );
      expect(rows).toHaveLength(1);
      expect((await db2.query(`SELECT to_regclass('sessions') IS NOT NULL AS exists`)).rows[0].exists).toBe(
        true,
      );
    } finally {
      await holder.end();
      await db2.end();
      await upToSessions.remove();
    }
  });
});

describe('two release jobs deploying at once', () => {
  // Through the release command, as release jobs run it: with a CREATE INDEX CONCURRENTLY among the
  // migrations, two bare `prisma migrate deploy` deadlock (the waiting one's snapshot holds up the
  // index build) and one of them fails; the command queues the second job without a snapshot.
  it('both succeed and each migration is applied exactly once', async () => {
    const db = await createEmptyTestDatabase('stratum_test_race');
    databases.push(db);
    const runs = await Promise.all([
      runScript('src/migrate/deploy.main.ts', [], { DATABASE_URL: db.url }),
      runScript('src/migrate/deploy.main.ts', [], { DATABASE_URL: db.url }),
    ]);
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
    const client = await connect(db.url);
    try {
      const { rows } = await client.query<{ name: string; applied: number; finished: number }>(
        `SELECT migration_name AS name, count(*)::int AS applied, count(finished_at)::int AS finished
           FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name`,
      );
      const names = readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      expect(rows).toEqual(names.map((name) => ({ name, applied: 1, finished: 1 })));
    } finally {
      await client.end();
    }
  });
});
