import {
  IMPLEMENTATION_LABELS,
  MAIN_IMPLEMENTATIONS,
  type BenchImplementation,
  type BenchOperation,
  type ImplementationId,
} from './bench-operation';
import type { SearchOverlap } from '../operations/products/search-overlap';
import type { CallCost } from './measure-costs';
import { MeasurementTally, runWorkers, type Measurement } from './run-workers';
import { turnOrder } from './turn-order';

export interface ImplementationResult extends Measurement {
  implementation: ImplementationId;
  label: string;
  /** Throughput over the raw pg baseline's on the same operation. */
  ratioToRaw: number | null;
  /** Statements sent per call, BEGIN and COMMIT included. */
  roundTrips: number;
  /** One call alone: CPU on each side and latency (see measure-costs.ts). */
  cost?: CallCost;
  /** Share of the measured reads that the cache answered (Stratum on a cached operation). */
  hitRatio?: number;
  /** Share that went to the database because Redis failed or was skipped (fail-open). */
  bypassRatio?: number;
}

export interface OperationResult {
  id: string;
  title: string;
  database: string;
  results: ImplementationResult[];
  /** Product search: how close Stratum's order came to exact ts_rank order. */
  searchOverlap?: SearchOverlap;
}

export interface MeasureSettings {
  workers: number;
  /** Measured seconds per implementation, split into `rounds` slices. */
  durationS: number;
  warmupS: number;
  rounds: number;
  seed: number;
  /** Include the implementations beyond the main three. */
  extras: boolean;
}

// The table's order; within a round the order follows turnOrder (see measureOperations).
const ORDER: readonly ImplementationId[] = ['raw', 'stratum', 'drizzle', 'prisma', 'raw-tx'];

/**
 * Each implementation of an operation in turn, never two at once, every worker busy. First a
 * warm-up of each (plans cached, pools filled, pages in memory), then `rounds` rounds of
 * short slices, in an order that changes from round to round: on a machine whose load drifts (CI, a shared box) every implementation gets its
 * share of the quiet and the busy moments, so the ratios stay fair even when the absolute
 * figures move.
 */
export async function measureOperations(
  operations: readonly BenchOperation[],
  database: string,
  settings: MeasureSettings,
  roundTrips: Record<ImplementationId, () => number>,
  onResult: (operation: BenchOperation, result: ImplementationResult) => void,
): Promise<OperationResult[]> {
  const measured: OperationResult[] = [];
  const run = (
    implementation: BenchImplementation,
    durationS: number,
    seed: number,
    tally?: MeasurementTally,
  ) => runWorkers(implementation.run, { workers: settings.workers, durationS, seed }, tally);
  for (const operation of operations) {
    const implementations = [...operation.implementations]
      .filter((implementation) => settings.extras || MAIN_IMPLEMENTATIONS.includes(implementation.id))
      .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
    await operation.warm?.();
    if (settings.warmupS > 0) {
      for (const implementation of implementations)
        await run(implementation, settings.warmupS, settings.seed + 1);
    }
    const tallies = implementations.map(() => new MeasurementTally());
    const cacheBefore = operation.cacheReads?.();
    const cacheReads = { hits: 0, bypassed: 0, reads: 0 };
    const trips = implementations.map(() => 0);
    const slice = settings.durationS / settings.rounds;
    for (let round = 0; round < settings.rounds; round++) {
      // Over the rounds every implementation runs right after every other one equally often
      // (turn-order.ts): a slice inherits something of the one before it.
      for (const index of turnOrder(implementations.length, round)) {
        const implementation = implementations[index]!;
        const before = roundTrips[implementation.id]();
        const cacheAtStart = implementation.id === 'stratum' ? operation.cacheReads?.() : undefined;
        // Each round its own inputs, the same for every implementation.
        await run(implementation, slice, settings.seed + 100 * round, tallies[index]);
        trips[index] = (trips[index] ?? 0) + roundTrips[implementation.id]() - before;
        const cacheAtEnd = cacheAtStart && operation.cacheReads?.();
        if (cacheAtStart && cacheAtEnd) {
          cacheReads.hits += cacheAtEnd.hits - cacheAtStart.hits;
          cacheReads.bypassed += cacheAtEnd.bypassed - cacheAtStart.bypassed;
          cacheReads.reads += cacheAtEnd.reads - cacheAtStart.reads;
        }
      }
    }
    const measurements = tallies.map((tally) => tally.summary());
    const rawOpsPerSec = measurements[implementations.findIndex((i) => i.id === 'raw')]?.opsPerSec;
    const results = implementations.map((implementation, index): ImplementationResult => {
      const measurement = measurements[index] as Measurement;
      const calls = measurement.ops + measurement.errors;
      return {
        implementation: implementation.id,
        label: IMPLEMENTATION_LABELS[implementation.id],
        ...measurement,
        ratioToRaw: rawOpsPerSec ? measurement.opsPerSec / rawOpsPerSec : null,
        roundTrips: calls ? (trips[index] ?? 0) / calls : 0,
        ...(implementation.id === 'stratum' && cacheBefore && cacheReads.reads > 0
          ? {
              hitRatio: cacheReads.hits / cacheReads.reads,
              bypassRatio: cacheReads.bypassed / cacheReads.reads,
            }
          : {}),
      };
    });
    for (const result of results) onResult(operation, result);
    measured.push({ id: operation.id, title: operation.title, database, results });
  }
  return measured;
}
