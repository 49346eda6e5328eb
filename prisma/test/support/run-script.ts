import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { packageDir } from '../../src/paths';
import type { PrismaRun } from '../../src/testing';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** Runs one of the package's TypeScript entry points the way its package.json script does (tsx). */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<PrismaRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsxCli, script, ...args],
      { cwd: packageDir, env: { ...process.env, ...env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr, exitCode });
      },
    );
  });
}
