// Every migration can be undone: applied one at a time to a scratch database, each is rolled back
// with its down.sql and applied again, and the database is compared before and after.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationDatabaseUrl } from '../src/migrate/migration-connection';
import { rollbackLatestMigration } from '../src/migrate/rollback-latest-migration';
import { migrationsDir } from '../src/paths';
import { createEmptyTestDatabase, createTestDatabase, runPrismaRaw, type TestDatabase } from '../src/testing';
import { createMigrationProject, type MigrationProject } from './support/migration-project';
import { schemaSnapshot } from './support/schema-snapshot';

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the down script of every migration', () => {
  let db: TestDatabase;
  const projects: MigrationProject[] = [];
  const env = () => ({ DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createEmptyTestDatabase('stratum_test_roundtrip');
    // projects[i] holds the first i migrations.
    for (let i = 0; i <= migrationNames.length; i += 1) {
      projects.push(await createMigrationProject(migrationNames.slice(0, i)));
    }
  });
  afterAll(async () => {
    await Promise.all(projects.map((project) => project.remove()));
    await db?.drop();
  });

  it('exists beside each migration.sql', () => {
    const missing = migrationNames.filter((name) => !existsSync(join(migrationsDir, name, 'down.sql')));
    expect(missing).toEqual([]);
  });

  migrationNames.forEach((name, index) => {
    it(`undoes ${name} exactly, and the migration applies again after it`, async () => {
      const before = await schemaSnapshot(db.url);
      const withIt = projects[index + 1]!;

      const up = await withIt.prisma(['migrate', 'deploy'], env());
      expect(up.stdout + up.stderr).toContain(name);
      expect(up.exitCode).toBe(0);
      const afterUp = await schemaSnapshot(db.url);
      expect(afterUp).not.toEqual(before);

      const outcome = await rollbackLatestMigration({
        url: migrationDatabaseUrl(env()),
        migrationsDir,
        confirmed: true,
      });
      expect(outcome).toMatchObject({ rolledBack: true, plan: { migration: { name } } });
      expect(await schemaSnapshot(db.url)).toEqual(before);

      // Prisma's own view agrees: the database is what the migrations before this one make.
      const from = index === 0 ? ['--from-empty'] : ['--from-migrations', './migrations'];
      const diff = await projects[index]!.prisma(
        ['migrate', 'diff', ...from, '--to-config-datasource', '--exit-code'],
        env(),
      );
      expect(diff.stdout + diff.stderr).toMatch(/No difference detected|This is an empty migration/);
      expect(diff.exitCode).toBe(0);

      const again = await withIt.prisma(['migrate', 'deploy'], env());
      expect(again.stdout).toContain(name);
      expect(again.exitCode).toBe(0);
      expect(await schemaSnapshot(db.url)).toEqual(afterUp);
    }, 300_000); // three runs of the Prisma CLI, one with a shadow database: slow on a busy machine
  });

  it('ends where a straight migrate deploy does', async () => {
    const straight = await createTestDatabase();
    try {
      expect(await schemaSnapshot(db.url)).toEqual(await schemaSnapshot(straight.url));
    } finally {
      await straight.drop();
    }
    const diff = await runPrismaRaw(
      ['migrate', 'diff', '--from-migrations', './migrations', '--to-config-datasource', '--exit-code'],
      env(),
    );
    expect(diff.stdout + diff.stderr).toMatch(/No difference detected/);
    expect(diff.exitCode).toBe(0);
  });
});
