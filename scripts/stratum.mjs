#!/usr/bin/env node
// The two commands of the README. Each is complete on its own on a machine that has only Node and
// npm: it installs the workspace, finds or starts PostgreSQL, and then
//   start: applies the migrations, seeds, and runs the API;
//   test:  runs typecheck, lint and the whole test suite.
// With DATABASE_URL (and REDIS_URL) set it uses those servers and starts nothing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildFailed, run } from './lib/child-process.mjs';
import { DEFAULT_PORT, ensureDatabase, startLocalPostgres } from './lib/local-postgres.mjs';
import { ensureLocalRoles } from './lib/local-roles.mjs';
import { install, pnpm } from './lib/pnpm.mjs';
import { loadEnvFile } from '../prisma/src/env-file.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(message);

// `work` gets the environment to run with: DATABASE_URL, and for the local server of `npm start`
// MIGRATION_DATABASE_URL too (the API runs as a runtime role, the migrations as the schema's owner).
async function withDatabase(databaseName, { forTests, roles }, work) {
  if (process.env.DATABASE_URL) return work({ ...process.env });
  const port = Number(process.env.STRATUM_PG_PORT || DEFAULT_PORT);
  const server = await startLocalPostgres(root, { port, forTests, log });
  try {
    await ensureDatabase(server.url('postgres'), databaseName);
    if (!roles) return await work({ ...process.env, DATABASE_URL: server.url(databaseName) });
    const { migrationUrl, appUrl } = await ensureLocalRoles(join(root, '.stratum'), server.url, databaseName);
    return await work({ ...process.env, DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: migrationUrl });
  } finally {
    await server.stop();
  }
}

async function start() {
  // The repository's .env (the environment wins). Not for `test`: a .env that points at a
  // development database must never get test databases made in it.
  loadEnvFile();
  await install(root);
  await withDatabase('stratum', { forTests: false, roles: true }, async (env) => {
    await pnpm(root, ['--filter', '@stratum/prisma', 'migrate:deploy'], { env });
    await pnpm(root, ['--filter', '@stratum/prisma', 'db:seed'], { env });
    // The API never holds the migration role's credentials.
    const apiEnv = { ...env };
    delete apiEnv.MIGRATION_DATABASE_URL;
    // The demo admin: created once, its generated password printed once.
    await run(process.execPath, ['--import', 'tsx', 'src/seed-admin.ts'], {
      env: apiEnv,
      cwd: join(root, 'apps', 'api'),
    });
    // Run directly, not through pnpm: a stop signal must reach the API itself, so that it drains
    // its requests and closes the pool before the database goes down.
    await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: apiEnv,
      cwd: join(root, 'apps', 'api'),
    });
  });
}

async function test() {
  await install(root);
  await pnpm(root, ['exec', 'turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only'], {
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  // The layers' rules over the whole import graph (.dependency-cruiser.cjs): cycles, and arrows
  // that would run back up.
  await pnpm(root, ['--silent', 'run', 'lint:deps']);
  // Test files make their own databases on this server; its name must say "test" (a guard in the
  // test helpers refuses anything else).
  // The tests connect as the admin (they create and drop databases) and run the app under test as
  // a runtime role of their own (prisma/src/testing).
  await withDatabase('stratum_test', { forTests: true, roles: false }, async (env) => {
    await pnpm(root, ['exec', 'vitest', 'run', ...process.argv.slice(3)], { env });
  });
}

const commands = { start, test };
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: node scripts/stratum.mjs <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
command().catch((error) => {
  console.error(`[stratum] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ChildFailed ? error.exitCode : 1);
});
