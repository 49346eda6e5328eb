#!/usr/bin/env node
// Runs one script of the prisma package with the pinned pnpm (a global pnpm is not required),
// passing on the arguments: `npm run db:migrate:rollback -- --yes`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildFailed } from './lib/child-process.mjs';
import { pnpm } from './lib/pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/prisma-script.mjs <script of @stratum/prisma> [arguments...]');
  process.exit(2);
}
pnpm(root, ['--silent', '--filter', '@stratum/prisma', 'run', script, ...args]).catch((error) => {
  // The script has said why already; only its exit code is passed on.
  process.exit(error instanceof ChildFailed ? error.exitCode : 1);
});
