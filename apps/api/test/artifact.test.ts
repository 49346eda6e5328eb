// The deployable artifact, made and run the way the README and the Dockerfile make and run it:
// built, deployed with `pnpm deploy --prod` into a folder of its own, and started with plain node.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { freePort } from '@stratum/postgres-toolkit';
import { createTestDatabase, type TestDatabase } from '@stratum/prisma/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pnpm, startArtifact } from './support/artifact';
import { until } from './support/wait';

const LATEST = '20261126001000_sessions';

async function markRolledBack(db: TestDatabase, migration: string, rolledBack: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      `UPDATE _prisma_migrations SET rolled_back_at = CASE WHEN $2 THEN now() END WHERE migration_name = $1`,
      [migration, rolledBack],
    );
  } finally {
    await client.end();
  }
}

describe('the built and deployed API', () => {
  let db: TestDatabase;
  let deployDir: string;

  beforeAll(async () => {
    db = await createTestDatabase('stratum_test_artifact');
    deployDir = join(await mkdtemp(join(tmpdir(), 'stratum-api-')), 'app');
    await pnpm(['--filter', '@stratum/api', 'build']);
    await pnpm(['--filter', '@stratum/api', '--prod', 'deploy', '--legacy', deployDir]);
  }, 240_000);

  afterAll(async () => {
    if (deployDir) await rm(join(deployDir, '..'), { recursive: true, force: true });
    await db?.drop();
  });

  it('holds the bundle and its production dependencies, and no TypeScript tooling', () => {
    expect(existsSync(join(deployDir, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(deployDir, 'src'))).toBe(false);
    const installed = readdirSync(join(deployDir, 'node_modules/.pnpm'));
    expect(installed.some((name) => name.startsWith('fastify@'))).toBe(true);
    for (const tool of ['tsx@', 'typescript@', 'prisma@', 'esbuild@', 'vitest@']) {
      expect(installed.filter((name) => name.startsWith(tool))).toEqual([]);
    }
  });

  it('runs with node against the database, is ready, serves, and drains on SIGTERM', async () => {
    const port = await freePort();
    const api = startArtifact(deployDir, {
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    try {
      // Every body is read to its end: an unread response is a request still running at SIGTERM.
      const get = async (path: string) => {
        const response = await fetch(url(path));
        return { status: response.status, body: await response.text() };
      };
      await until(
        async () => (await get('/health/live').catch(() => null))?.status === 200,
        `the artifact listens (output so far: ${api.output()})`,
        30_000,
      );

      const ready = await get('/health/ready');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'ok',
        checks: { migrations: { ok: true, pending: [] } },
      });
      // The migrations baked in at build time are the ones it waits for.
      await markRolledBack(db, LATEST, true);
      const behind = await get('/health/ready');
      await markRolledBack(db, LATEST, false);
      expect(behind.status).toBe(503);
      expect(JSON.parse(behind.body).checks.migrations).toMatchObject({
        pending: [LATEST],
      });

      // A query through the bundled Prisma client and its query compiler.
      const search = await get('/products/search?q=lamp');
      expect(search.status).toBe(200);
      // The documentation page's assets come from its package in the deployed node_modules.
      expect((await get('/docs/static/swagger-ui-bundle.js')).status).toBe(200);
    } finally {
      api.child.kill('SIGTERM');
    }
    const [exitCode] = await once(api.child, 'exit');
    expect(exitCode, api.output()).toBe(0);
  }, 120_000);
});
