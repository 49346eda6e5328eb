import type { Random } from './random';

/**
 * The three implementations every operation has, and the extra one some have:
 * - stratum: the real repository of @stratum/adapters;
 * - raw: the pg driver with the best SQL for the job on named prepared statements, the most
 *   Node can get out of this database;
 * - prisma: what a typical app writes with Prisma, one query per step;
 * - drizzle: Drizzle ORM with prepared statements (`.prepare()`), its documented fast path, on the
 *   reads it expresses;
 * - raw-tx: a transfer as the textbook interactive transaction on raw pg.
 */
export type ImplementationId = 'stratum' | 'raw' | 'prisma' | 'drizzle' | 'raw-tx';

export const MAIN_IMPLEMENTATIONS: readonly ImplementationId[] = ['stratum', 'raw', 'drizzle', 'prisma'];

export const IMPLEMENTATION_LABELS: Record<ImplementationId, string> = {
  stratum: 'Stratum',
  raw: 'raw pg',
  prisma: 'plain Prisma',
  drizzle: 'Drizzle, prepared',
  'raw-tx': 'raw pg, interactive tx',
};

export interface BenchImplementation {
  readonly id: ImplementationId;
  run(random: Random): Promise<unknown>;
}

export interface BenchOperation {
  readonly id: string;
  readonly title: string;
  readonly implementations: readonly BenchImplementation[];
  /** For a cached operation: the reads of Stratum's cache so far, to report its hit ratio. */
  readonly cacheReads?: () => CacheReads;
  /**
   * For a cached operation: reads every input once before the warm-up, so that the figures are
   * of a warm cache, whatever an earlier run left in Redis (a miss costs the uncached read, which
   * has an operation of its own).
   */
  readonly warm?: () => Promise<void>;
}

/** Runs `read` on every item, `concurrency` at a time. */
export async function readAll<T>(items: readonly T[], read: (item: T) => Promise<unknown>, concurrency = 8) {
  for (let start = 0; start < items.length; start += concurrency) {
    await Promise.all(items.slice(start, start + concurrency).map(read));
  }
}

export interface CacheReads {
  hits: number;
  /** Reads sent to the database because Redis failed, timed out or its circuit breaker was open. */
  bypassed: number;
  reads: number;
}

type Runners<I> = Partial<Record<ImplementationId, (input: I) => Promise<unknown>>>;

/**
 * An operation whose implementations all get their input from one generator, so that with the
 * same seed they see the same users, products and amounts in the same order.
 */
export function defineOperation<I>(
  id: string,
  title: string,
  input: (random: Random) => I,
  runners: Runners<I>,
): BenchOperation {
  const implementations = (
    Object.entries(runners) as Array<[ImplementationId, (input: I) => Promise<unknown>]>
  )
    .filter(([, runner]) => runner !== undefined)
    .map(([implementation, runner]) => ({
      id: implementation,
      run: (random: Random) => runner(input(random)),
    }));
  return { id, title, implementations };
}
