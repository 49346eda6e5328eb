import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { packageDir } from '../paths';

export interface PrismaRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

/** Runs the real Prisma CLI in the prisma package, as a release job or a developer would. */
export function runPrismaRaw(args: string[], env: Record<string, string>): Promise<PrismaRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args],
      { cwd: packageDir, env: { ...process.env, ...env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr, exitCode });
      },
    );
  });
}

export async function runPrisma(args: string[], env: Record<string, string>): Promise<PrismaRun> {
  const result = await runPrismaRaw(args, env);
  if (result.exitCode !== 0) {
    throw new Error(
      `prisma ${args.join(' ')} failed (exit ${result.exitCode}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}
