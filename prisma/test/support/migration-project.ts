/**
 * A throwaway Prisma project holding the first N of our migrations, so that `prisma migrate deploy`
 * can apply them one at a time. Its config reuses ours (the same connection with lock_timeout, and
 * the same schema engine, native or wasm), only the migrations folder differs.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir, packageDir, schemaPath } from '../../src/paths';
import type { PrismaRun } from '../../src/testing';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

export interface MigrationProject {
  dir: string;
  prisma(args: string[], env: Record<string, string>): Promise<PrismaRun>;
  remove(): Promise<void>;
}

export async function createMigrationProject(migrationNames: string[]): Promise<MigrationProject> {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-migrations-'));
  await cp(schemaPath, join(dir, 'schema.prisma'));
  await mkdir(join(dir, 'migrations'));
  await cp(join(migrationsDir, 'migration_lock.toml'), join(dir, 'migrations', 'migration_lock.toml'));
  for (const name of migrationNames) {
    await cp(join(migrationsDir, name), join(dir, 'migrations', name), { recursive: true });
  }
  const from = (file: string) => JSON.stringify(join(packageDir, file));
  await writeFile(
    join(dir, 'prisma.config.ts'),
    `import { resolveSchemaEngine } from ${from('schema-engine/resolve-engine.mjs')};
import { migrationDatabaseUrl } from ${from('src/migrate/migration-connection.ts')};
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= resolveSchemaEngine();
export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: migrationDatabaseUrl() },
};
`,
  );
  return {
    dir,
    prisma: (args, env) => runPrismaIn(dir, args, env),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function runPrismaIn(cwd: string, args: string[], env: Record<string, string>): Promise<PrismaRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args],
      { cwd, env: { ...process.env, ...env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr, exitCode });
      },
    );
  });
}
