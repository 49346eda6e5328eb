#!/usr/bin/env node
// `node scripts/pnpm.mjs <args>`: runs the pnpm pinned in package.json with these arguments, on a
// machine that has only Node and npm (through npx when no matching pnpm is installed). The root
// package.json's scripts go through it, so `npm run typecheck` needs no global pnpm: turbo finds
// the pnpm binary that npx puts on PATH. A fresh clone is installed first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildFailed } from './lib/child-process.mjs';
import { install, pnpm } from './lib/pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(args) {
  if (!existsSync(join(root, 'node_modules', '.modules.yaml'))) await install(root);
  await pnpm(root, args, { env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } });
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`[stratum] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ChildFailed ? error.exitCode : 1);
});
