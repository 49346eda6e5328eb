import { LatencyRecorder, type LatencySummary } from './latency-recorder';
import { seededRandom, type Random } from './random';

export interface Measurement extends LatencySummary {
  ops: number;
  opsPerSec: number;
  errors: number;
  firstError: string | undefined;
  elapsedS: number;
  /** Throughput of each slice, in the order they ran: the rounds' spread, paired across implementations. */
  roundOpsPerSec: number[];
}

export interface WorkerRun {
  workers: number;
  durationS: number;
  seed: number;
}

/** What slices of one measurement add up to; `summary()` turns them into a Measurement. */
export class MeasurementTally {
  readonly latencies = new LatencyRecorder();
  errors = 0;
  firstError: string | undefined;
  elapsedS = 0;
  readonly roundOpsPerSec: number[] = [];

  summary(): Measurement {
    const ops = this.latencies.size;
    return {
      ops,
      opsPerSec: this.elapsedS > 0 ? ops / this.elapsedS : 0,
      errors: this.errors,
      firstError: this.firstError?.split('\n').slice(0, 3).join(' ').slice(0, 300),
      elapsedS: this.elapsedS,
      roundOpsPerSec: [...this.roundOpsPerSec],
      ...this.latencies.summary(),
    };
  }
}

/**
 * `workers` loops, each awaiting one call at a time until the deadline: a closed system, like N
 * request handlers each waiting on the database, so throughput and latency are read together.
 * Calls still running at the deadline are waited for and counted; the elapsed time runs until
 * the last of them finished. Failed calls are counted apart and not timed.
 */
export async function runWorkers(
  call: (random: Random) => Promise<unknown>,
  run: WorkerRun,
  tally: MeasurementTally = new MeasurementTally(),
): Promise<MeasurementTally> {
  const started = performance.now();
  const opsBefore = tally.latencies.size;
  const deadline = started + run.durationS * 1000;
  await Promise.all(
    Array.from({ length: run.workers }, async (_, worker) => {
      const random = seededRandom(run.seed * 1_000 + worker);
      while (performance.now() < deadline) {
        const begun = performance.now();
        try {
          await call(random);
          tally.latencies.add(performance.now() - begun);
        } catch (error) {
          tally.errors++;
          tally.firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  tally.elapsedS += elapsedS;
  tally.roundOpsPerSec.push(elapsedS > 0 ? (tally.latencies.size - opsBefore) / elapsedS : 0);
  return tally;
}
