import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const apiDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const rootDir = join(apiDir, '../..');
const run = promisify(execFile);

/** The pnpm the repository pins (package.json "packageManager"), through npx as the README runs it. */
export async function pnpm(args: string[]): Promise<string> {
  const { packageManager } = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  const { stdout } = await run('npx', ['--yes', packageManager, ...args], {
    cwd: rootDir,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** `node dist/main.js` in a deployed folder, its output kept for the failure message. */
export function startArtifact(
  dir: string,
  env: Record<string, string>,
): { child: ChildProcess; output(): string } {
  let output = '';
  // Only what the artifact is documented to need: no NODE_OPTIONS=--import tsx leaking in from vitest.
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}
