import { databaseUrl, withAdminClient } from '@stratum/postgres-toolkit';
import { migrationsFingerprint } from '@stratum/prisma/testing';
import type { BenchOptions } from '../cli/bench-options';
import { cpuCount } from '../cli/bench-options';
import { assertOwnedByBench } from '../database/bench-guard';
import { writeMarker } from '../database/bench-marker';
import { findPgbench, runPgbench, type PgbenchResult } from './pgbench';

/** pgbench's TPC-B figure in a bench database of its own, or why there is none. */
export async function measurePgbench(
  server: string,
  options: Pick<BenchOptions, 'pgbench' | 'database' | 'workers' | 'durationS'>,
  log: (line: string) => void,
): Promise<PgbenchResult> {
  if (!options.pgbench) return { status: 'skipped', reason: 'skipped (--no-pgbench)' };
  const bin = findPgbench();
  if (!bin) {
    log('[bench] pgbench not found on PATH; going on without its figure');
    return { status: 'skipped', reason: 'pgbench not found' };
  }
  const name = `${options.database}_pgbench`;
  await withAdminClient(server, async (admin) => {
    if (await assertOwnedByBench(admin, name)) return;
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    await writeMarker(admin, name, { schema: migrationsFingerprint(), state: 'ready' });
  });
  log(`[bench] pgbench TPC-B, ${options.workers} clients`);
  try {
    return await runPgbench(bin, databaseUrl(server, name), {
      clients: options.workers,
      jobs: Math.min(options.workers, cpuCount()),
      durationS: Math.max(options.durationS, 5),
      scale: 1,
    });
  } catch (error) {
    return { status: 'skipped', reason: error instanceof Error ? error.message : String(error) };
  }
}
