// End-to-end check of the wasm schema engine shim: the real Prisma CLI, pointed at
// schema-engine.mjs, against a fresh PostgreSQL database on the server DATABASE_URL names.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverUrl = process.env.DATABASE_URL;
const shim = fileURLToPath(new URL('./schema-engine.mjs', import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

const schema = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
`;

const migrations: Record<string, string> = {
  '20240101000000_users': `CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
`,
  '20240102000000_posts': `CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`,
};

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

describe.skipIf(!serverUrl)('wasm schema engine shim, driven by the Prisma CLI', () => {
  const database = `engine_test_${process.pid}_${Date.now()}`;
  let databaseUrl = '';
  let projectDir = '';

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  function prisma(...args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [prismaCli, ...args],
        {
          cwd: projectDir,
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PRISMA_SCHEMA_ENGINE_BINARY: shim,
            // No update checks or telemetry: there is no network, and they only slow the CLI down.
            CHECKPOINT_DISABLE: '1',
            PRISMA_HIDE_UPDATE_MESSAGE: '1',
          },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  async function writeMigration(name: string, sql: string): Promise<void> {
    await mkdir(path.join(projectDir, 'migrations', name), { recursive: true });
    await writeFile(path.join(projectDir, 'migrations', name, 'migration.sql'), sql);
  }

  beforeAll(async () => {
    databaseUrl = withDatabase(serverUrl!, database);
    await admin(`CREATE DATABASE "${database}"`);

    projectDir = await mkdtemp(path.join(tmpdir(), 'stratum-schema-engine-'));
    // A plain object: the temporary project has no node_modules to import `prisma/config` from.
    await writeFile(
      path.join(projectDir, 'prisma.config.ts'),
      `export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL },
};
`,
    );
    await writeFile(path.join(projectDir, 'schema.prisma'), schema);
    await mkdir(path.join(projectDir, 'migrations'));
    await writeFile(path.join(projectDir, 'migrations', 'migration_lock.toml'), 'provider = "postgresql"\n');
    for (const [name, sql] of Object.entries(migrations)) await writeMigration(name, sql);
  });

  afterAll(async () => {
    if (projectDir) await rm(projectDir, { recursive: true, force: true });
    if (serverUrl) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('applies both migrations to the empty database', async () => {
    const result = await prisma('migrate', 'deploy');
    expect(result.stderr + result.stdout).toContain('All migrations have been successfully applied.');
    expect(result.stdout).toContain('20240101000000_users');
    expect(result.stdout).toContain('20240102000000_posts');
    expect(result.code).toBe(0);
  });

  it('applies nothing on a second deploy', async () => {
    const result = await prisma('migrate', 'deploy');
    expect(result.stdout).toContain('No pending migrations to apply.');
    expect(result.code).toBe(0);
  });

  it('reports the database as up to date', async () => {
    const result = await prisma('migrate', 'status');
    expect(result.stdout).toContain('Database schema is up to date!');
    expect(result.code).toBe(0);
  });

  it('finds no drift between the migrations and the schema (through a shadow database)', async () => {
    const result = await prisma(
      'migrate',
      'diff',
      '--from-migrations',
      'migrations',
      '--to-schema',
      'schema.prisma',
      '--exit-code',
    );
    expect(result.stdout).toContain('No difference detected.');
    expect(result.code).toBe(0);
  });

  it('fails a broken migration with the PostgreSQL error and the migration name', async () => {
    await writeMigration('20240103000000_broken', 'ALTER TABLE "Missing" ADD COLUMN "note" TEXT;\n');
    const result = await prisma('migrate', 'deploy');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('P3018');
    expect(result.stderr).toContain('Migration name: 20240103000000_broken');
    expect(result.stderr).toContain('ERROR: relation "Missing" does not exist');
  });
});
