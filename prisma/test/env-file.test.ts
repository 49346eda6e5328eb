import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../src/env-file.mjs';
import { packageDir } from '../src/paths';
import { createEmptyTestDatabase, type TestDatabase } from '../src/testing';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stratum-env-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadEnvFile', () => {
  it('fills in what the environment lacks and leaves what it sets', () => {
    const path = envFile(
      'a.env',
      'DATABASE_URL=postgresql://file/db\nREDIS_URL="redis://file:6379" # cache\n',
    );
    const env: Record<string, string | undefined> = { DATABASE_URL: 'postgresql://shell/db' };
    expect(loadEnvFile({ env, path })).toEqual(['REDIS_URL']);
    expect(env).toEqual({ DATABASE_URL: 'postgresql://shell/db', REDIS_URL: 'redis://file:6379' });
  });

  it('keeps a variable the environment sets to the empty string', () => {
    const path = envFile('b.env', 'LOG_LEVEL=debug\n');
    const env: Record<string, string | undefined> = { LOG_LEVEL: '' };
    loadEnvFile({ env, path });
    expect(env.LOG_LEVEL).toBe('');
  });

  it('reads the file STRATUM_ENV_FILE names', () => {
    const path = envFile('c.env', 'PORT=4000\n');
    const env: Record<string, string | undefined> = { STRATUM_ENV_FILE: path };
    loadEnvFile({ env });
    expect(env.PORT).toBe('4000');
  });

  it('refuses a STRATUM_ENV_FILE that does not exist instead of ignoring it', () => {
    const env = { STRATUM_ENV_FILE: join(dir, 'missing.env') };
    expect(() => loadEnvFile({ env })).toThrow(/missing\.env/);
  });
});

describe('the Prisma CLI with a .env file', () => {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** `prisma migrate status` with exactly this environment (plus PATH), nothing inherited. */
  function migrateStatus(env: Record<string, string>): Promise<string> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [prismaCli, 'migrate', 'status'],
        { cwd: packageDir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } },
        (_error, stdout, stderr) => resolve(stdout + stderr),
      );
    });
  }

  it('reaches the database the file names when the environment has no DATABASE_URL', async () => {
    const path = envFile('cli.env', `DATABASE_URL=${db.url}\n`);
    const output = await migrateStatus({ STRATUM_ENV_FILE: path });
    expect(output).not.toMatch(/Connection url is empty/);
    expect(output).toContain(`"${db.name}"`);
    expect(output).toMatch(/have not yet been applied/);
  });

  it('uses the environment’s DATABASE_URL over the file’s', async () => {
    const path = envFile('cli.env', `DATABASE_URL=${db.url}\n`);
    const elsewhere = new URL(db.url);
    elsewhere.pathname = `/${db.name}_absent`;
    const output = await migrateStatus({ STRATUM_ENV_FILE: path, DATABASE_URL: elsewhere.toString() });
    expect(output).toContain(`${db.name}_absent`);
    expect(output).not.toMatch(/have not yet been applied/);
  });
});
