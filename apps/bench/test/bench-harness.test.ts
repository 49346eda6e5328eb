import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseNameRefusedError, withAdminClient } from '@stratum/postgres-toolkit';
import { testServerUrl } from '@stratum/prisma/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, type BenchIo } from '../src/bench-run';
import { parseBenchOptions } from '../src/cli/bench-options';
import { NotABenchDatabaseError } from '../src/database/bench-guard';
import { dropBenchDatabases } from '../src/database/bench-database';
import type { BenchResults } from '../src/report/bench-results';
import { measurePgbench } from '../src/pgbench/measure-pgbench';

// The machinery of the benchmark on a tiny data set, about a second per operation: proof that a
// run works end to end. The figures themselves mean nothing here; the real run is `bench`.
const server = testServerUrl().toString();
const prefix = `stratum_bench_test_${randomBytes(4).toString('hex')}`;
const silent: BenchIo = { log: () => undefined, print: () => undefined, quietSeed: true };
const tiny = (database: string, outDir: string) =>
  parseBenchOptions([
    ...['--database', database, '--out', outDir, '--products', '60,120'],
    ...['--users', '400', '--orders', '400', '--accounts', '20'],
    ...[
      '--workers',
      '4',
      '--duration',
      '0.2',
      '--warmup',
      '0',
      '--rounds',
      '1',
      '--cost-seconds',
      '0.02',
      '--no-pgbench',
    ],
  ]);

describe('the benchmark harness', () => {
  const outDirs: string[] = [];
  afterAll(async () => {
    await dropBenchDatabases(server, prefix);
    await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const outDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-bench-'));
    outDirs.push(dir);
    return dir;
  };

  it('refuses a database whose name does not say "bench"', async () => {
    const run = runBench(tiny('stratum_test_app', await outDir()), server, silent);
    await expect(run).rejects.toBeInstanceOf(DatabaseNameRefusedError);
  });

  it('refuses a database named like a bench database that the bench did not create', async () => {
    const foreign = `${prefix}_foreign`;
    await withAdminClient(server, (admin) =>
      admin.query(`CREATE DATABASE ${admin.escapeIdentifier(foreign)}`),
    );
    try {
      const run = runBench(tiny(foreign, await outDir()), server, silent);
      await expect(run).rejects.toBeInstanceOf(NotABenchDatabaseError);
      await expect(run).rejects.toThrow(/was not created by the bench/);
    } finally {
      await withAdminClient(server, (admin) =>
        admin.query(`DROP DATABASE ${admin.escapeIdentifier(foreign)}`),
      );
    }
  });

  it('says "pgbench not found" and goes on when pgbench is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const result = await measurePgbench(
        server,
        { pgbench: true, database: prefix, workers: 1, durationS: 1 },
        () => undefined,
      );
      expect(result).toEqual({ status: 'skipped', reason: 'pgbench not found' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('measures every operation on all three implementations and writes the JSON and the SVG chart', async () => {
    const dir = await outDir();
    const { files } = await runBench(tiny(prefix, dir), server, silent);

    const results = JSON.parse(await readFile(files.json, 'utf8')) as BenchResults;
    expect(results.operations.map((operation) => operation.id)).toEqual([
      'user-by-id',
      'user-by-email',
      'user-search',
      'active-offset-first',
      'active-offset-deep',
      'active-keyset-first',
      'active-keyset-deep',
      'order-place-5',
      'customer-orders',
      'transfer',
      'product-search-60',
      'product-search-120',
    ]);
    for (const operation of results.operations) {
      const implementations = operation.results.map((result) => result.implementation);
      expect(implementations, operation.id).toEqual(expect.arrayContaining(['stratum', 'raw', 'prisma']));
      for (const result of operation.results) {
        expect(result.errors, `${operation.id} ${result.implementation}: ${result.firstError}`).toBe(0);
        expect(result.ops, `${operation.id} ${result.implementation}`).toBeGreaterThan(0);
        expect(result.roundTrips, `${operation.id} ${result.implementation}`).toBeGreaterThan(0);
        expect(result.cost?.calls, `${operation.id} ${result.implementation}`).toBeGreaterThan(0);
        // One figure per round (one round here), for the targets' round-by-round spread.
        expect(result.roundOpsPerSec, `${operation.id} ${result.implementation}`).toHaveLength(1);
        expect(result.cost?.roundNodeUs, `${operation.id} ${result.implementation}`).toHaveLength(1);
      }
    }
    expect(results.targets.map((target) => target.id)).toContain('transfer-vs-raw-tx');
    // A tiny catalogue has fewer matches than search ranks, so its order is exact ts_rank order.
    for (const search of results.operations.filter((operation) => operation.id.startsWith('product-search-')))
      expect(search.searchOverlap, search.id).toMatchObject({ meanPct: 100, minPct: 100 });
    const svg = await readFile(files.svg, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('transfer funds');
  }, 120_000);
});
