import { cpuCount, type BenchOptions } from './cli/bench-options';
import { assertBenchName } from './database/bench-guard';
import type { SeedSpec } from './database/bench-marker';
import { ensureBenchDatabase } from './database/bench-database';
import { resetBenchWrites } from './database/reset-bench-writes';
import type { OperationResult } from './harness/measure-operations';
import { measureDatabase, type DatabaseStage } from './measure-database';
import { measurePgbench } from './pgbench/measure-pgbench';
import type { BenchResults } from './report/bench-results';
import { consoleTable, pgbenchLine, resultLine, targetLines } from './report/console-table';
import { MAX_PUBLISH_LOAD, currentLoad, describeMachine } from './report/machine-info';
import { checkTargets } from './report/targets';
import { writeReadmeSection } from './report/readme-section';
import { writeResults, type WrittenFiles } from './report/write-results';

export interface BenchIo {
  /** Progress and notes (stderr). */
  log(line: string): void;
  /** The table (stdout). */
  print(text: string): void;
  /** Keep the seeder's progress bar back (tests). */
  quietSeed?: boolean;
  redisUrl?: string;
}

export interface BenchRun {
  results: BenchResults;
  files: WrittenFiles;
  published?: WrittenFiles;
}

const BALANCE = '1000000000.00';
const FULL_CATALOGUE = 1_000_000;

/** One whole run: databases ready, every operation measured, pgbench, then the table and the files. */
export async function runBench(options: BenchOptions, server: string, io: BenchIo): Promise<BenchRun> {
  assertBenchName(options.database);
  const startedAt = new Date().toISOString();
  const loadBefore = currentLoad();
  io.log(`[bench] load average before the run: ${loadBefore}`);
  if (options.publishDir) assertPublishable(options, loadBefore);
  const stages = await prepareDatabases(options, server, io);
  const machine = await describeMachine(server, loadBefore);

  const operations: OperationResult[] = [];
  for (const stage of stages) {
    const measured = await measureDatabase(stage, options, {
      log: io.log,
      onResult: (operation, result) => io.log(resultLine(operation.title, result)),
      ...(io.redisUrl ? { redisUrl: io.redisUrl } : {}),
    });
    operations.push(...measured);
  }
  const pgbench = await measurePgbench(server, options, io.log);

  const results: BenchResults = {
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAfter: currentLoad() },
    settings: {
      workers: options.workers,
      pool: options.pool,
      durationS: options.durationS,
      warmupS: options.warmupS,
      rounds: options.rounds,
      costSeconds: options.costSeconds,
      seed: options.seed,
      users: options.users,
      orders: options.orders,
      accounts: options.accounts,
      productSizes: stages.map((stage) => stage.products),
      redis: Boolean(io.redisUrl),
    },
    pgbench,
    operations,
    targets: checkTargets(operations),
  };
  io.print(`\n${consoleTable(operations)}\n\n${pgbenchLine(pgbench)}\n\n${targetLines(results.targets)}\n`);
  const files = await writeResults(options.outDir, results);
  const published = options.publishDir ? await writeResults(options.publishDir, results) : undefined;
  if (published && options.readmePath) await writeReadmeSection(options.readmePath, results);
  return { results, files, ...(published ? { published } : {}) };
}

/**
 * What the README shows must be every operation of one quiet run: a busy machine, a partial run
 * or one without the 1M catalogue may write results/, never the published copy.
 */
export function assertPublishable(options: BenchOptions, loadBefore: number): void {
  const refuse = (why: string) => {
    throw new Error(`not publishing: ${why}; run without --publish`);
  };
  if (loadBefore > MAX_PUBLISH_LOAD)
    refuse(
      `the load average before the run is ${loadBefore}, above ${MAX_PUBLISH_LOAD} (run on a quiet machine)`,
    );
  if (options.only.length > 0)
    refuse(`--only measures a selection (${options.only.join(',')}), not every operation`);
  if (!options.productSizes.includes(FULL_CATALOGUE))
    refuse('the run lacks the 1M-product catalogue (--full)');
}

/** The main bench database (reset to its seeded state when reused) and one per further catalogue size. */
async function prepareDatabases(
  options: BenchOptions,
  server: string,
  io: BenchIo,
): Promise<DatabaseStage[]> {
  const sizes = [...new Set(options.productSizes)];
  const first = sizes[0] ?? 10_000;
  const ensure = (name: string, spec: SeedSpec) =>
    ensureBenchDatabase(server, name, spec, { jobs: cpuCount(), quiet: io.quietSeed ?? false, log: io.log });
  // Ten transfers of history per account: a realistic transfers table, never an empty one.
  const seed = (users: number, products: number, orders: number, accounts: number): SeedSpec => ({
    users,
    products,
    orders,
    ordersPerCustomer: 50,
    accounts,
    transfers: accounts * 10,
    balance: BALANCE,
  });
  const main = await ensure(options.database, seed(options.users, first, options.orders, options.accounts));
  if (main.reused) await resetBenchWrites(main.url, main.marker);
  const stages: DatabaseStage[] = [{ database: main, products: first, main: true }];
  for (const size of sizes.slice(1)) {
    const database = await ensure(`${options.database}_products_${size}`, seed(0, size, 0, 0));
    stages.push({ database, products: size, main: false });
  }
  return stages;
}
