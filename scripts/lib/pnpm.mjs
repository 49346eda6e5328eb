// Makes sure the workspace is installed with the pnpm version pinned in package.json, so the two
// README commands work on a machine that has only Node and npm.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './child-process.mjs';

export function pinnedPnpmVersion(root) {
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(packageManager ?? '');
  if (!match) throw new Error('package.json must pin pnpm in "packageManager", e.g. "pnpm@10.34.9"');
  return match[1];
}

/** The command that runs the pinned pnpm: a matching global install if there is one, else npx. */
export function pnpmCommand(root) {
  const version = pinnedPnpmVersion(root);
  try {
    const installed = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (installed.trim() === version) return { command: 'pnpm', prefix: [] };
  } catch {
    // no global pnpm: fall through to npx
  }
  return { command: 'npx', prefix: ['--yes', `pnpm@${version}`] };
}

export function pnpm(root, args, options = {}) {
  const { command, prefix } = pnpmCommand(root);
  return run(command, [...prefix, ...args], { cwd: root, ...options });
}

export async function install(root) {
  // --frozen-lockfile: a run must install exactly what was reviewed, never re-resolve.
  await pnpm(root, ['install', '--frozen-lockfile']);
}
