import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type PgbenchResult =
  | {
      status: 'measured';
      tps: number;
      latencyMs: number | null;
      clients: number;
      jobs: number;
      scale: number;
      durationS: number;
    }
  | { status: 'skipped'; reason: string };

/** The pgbench on PATH, or null: the bench reports "pgbench not found" and carries on. */
export function findPgbench(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'pgbench');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export interface PgbenchRun {
  clients: number;
  jobs: number;
  durationS: number;
  /** TPC-B scale: branches. At 1 every transaction updates the one branch row, as in pgbench's default. */
  scale: number;
}

/**
 * PostgreSQL's own TPC-B-like figure for the same number of clients: five statements per
 * transaction (three updates, a select, an insert) sent by a C client, so it tells what this
 * server does for a write transaction with no Node and no driver in the way.
 */
export async function runPgbench(bin: string, url: string, run: PgbenchRun): Promise<PgbenchResult> {
  await exec(bin, ['-i', '-q', '-s', String(run.scale), url]);
  const seconds = Math.max(1, Math.round(run.durationS));
  const output = await exec(bin, [
    '-c',
    String(run.clients),
    '-j',
    String(run.jobs),
    '-T',
    String(seconds),
    url,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  if (!tps) return { status: 'skipped', reason: `could not read pgbench's output:\n${output}` };
  return {
    status: 'measured',
    tps: Number(tps),
    latencyMs: latency ? Number(latency) : null,
    clients: run.clients,
    jobs: run.jobs,
    scale: run.scale,
    durationS: seconds,
  };
}

function exec(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      // The last argument is the connection URL: kept out of the message, it may hold a password.
      if (error)
        reject(new Error(`pgbench ${args.slice(0, -1).join(' ')} failed: ${stderr || error.message}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}
