import type { BenchOptions } from './cli/bench-options';
import { openBenchClients, type BenchClients } from './clients/bench-clients';
import type { BenchDatabase } from './database/bench-database';
import { loadBenchFixtures, loadSearchQueries, type BenchFixtures } from './fixtures/bench-fixtures';
import { assertDrizzleMatchesRaw } from './drizzle/same-results';
import type { BenchOperation } from './harness/bench-operation';
import { measureCallCosts } from './harness/measure-costs';
import {
  measureOperations,
  type ImplementationResult,
  type OperationResult,
} from './harness/measure-operations';
import { mainOperations } from './operations/operation-list';
import { cachedProductOperations } from './operations/products/cached-product.operations';
import { productSearchOperation } from './operations/products/product-search.operations';
import { describeOverlap, measureSearchOverlap } from './operations/products/search-overlap';

export interface DatabaseStage {
  database: BenchDatabase;
  /** The catalogue size of this database's product search. */
  products: number;
  /** The main database also runs every other operation. */
  main: boolean;
}

export interface StageIo {
  log(line: string): void;
  onResult(operation: BenchOperation, result: ImplementationResult): void;
  redisUrl?: string;
}

/**
 * One database's share of the run: throughput with every worker busy, then (unless
 * --cost-seconds 0) the cost of single calls on a pool of one, on a second set of clients so that
 * each backend's CPU counter belongs to one implementation.
 */
export async function measureDatabase(
  stage: DatabaseStage,
  options: BenchOptions,
  io: StageIo,
): Promise<OperationResult[]> {
  const wanted = (operation: BenchOperation) =>
    options.only.length === 0 || options.only.some((part) => operation.id.includes(part));
  let fixtures: BenchFixtures | undefined;
  let queries: string[] = [];
  const plan = async (clients: BenchClients) => {
    if (stage.main) fixtures ??= await loadBenchFixtures(clients.raw, options.seed);
    if (queries.length === 0) queries = await loadSearchQueries(clients.raw, options.seed);
    return [
      ...(fixtures ? mainOperations(clients, fixtures) : []),
      ...(fixtures ? cachedProductOperations(clients, fixtures, queries) : []),
      productSearchOperation(clients, stage.products, queries),
    ].filter(wanted);
  };

  const busy = await openBenchClients(stage.database.url, options.pool, io.redisUrl);
  let measured: OperationResult[];
  try {
    const operations = await plan(busy);
    const checked = await assertDrizzleMatchesRaw(operations, options.seed);
    if (checked > 0) io.log(`[bench] Drizzle's results equal raw pg's on ${checked} operations`);
    measured = await measureOperations(
      operations,
      stage.database.name,
      options,
      busy.roundTrips,
      io.onResult,
    );
    // The catalogue's own search (product-search-10k, ...), not the cached page of the main stage.
    const search = measured.find((result) => /^product-search-\d/.test(result.id));
    if (search) {
      search.searchOverlap = await measureSearchOverlap(busy.stratum, busy.raw, queries);
      io.log(`[bench] ${search.title}: ${describeOverlap(search.searchOverlap)}`);
    }
  } finally {
    await busy.close();
  }
  if (options.costSeconds <= 0) return measured;

  const single = await openBenchClients(stage.database.url, 1, io.redisUrl);
  try {
    for (const operation of await plan(single)) {
      const results = measured.find((m) => m.id === operation.id)?.results ?? [];
      const costs = await measureCallCosts(
        operation,
        results.map((result) => result.implementation),
        single,
        options.costSeconds,
        options.seed,
        options.rounds,
      );
      for (const result of results) result.cost = costs.get(result.implementation);
      io.log(`[bench] call costs measured: ${operation.title}`);
    }
  } finally {
    await single.close();
  }
  return measured;
}
