import { LatencyHistogram, type LatencySnapshot } from './latency-histogram';

export const CACHE_COUNTERS = [
  /** Reads answered from the cache. */
  'hits',
  /** Of the hits, those answered from this process's near cache after Redis confirmed the ticket. */
  'nearHits',
  /** Near-cache copies found outdated by that check (then read from Redis or the database as usual). */
  'nearStale',
  /** Reads that went to the repository because the cache had no value. */
  'misses',
  /** Reads that joined a load already running in this process instead of starting their own. */
  'coalesced',
  /** Misses that waited for another process's load (its lease) before loading themselves. */
  'leaseWaits',
  /** Values stored after a miss. */
  'fills',
  /** Fills refused because the key was invalidated while the value was loading. */
  'staleFillsRejected',
  /** Reads sent to the repository because the cache failed or was skipped. */
  'bypassed',
  /** Cache commands that failed or timed out, plus values that could not be decoded. */
  'errors',
  /** Cache commands not even tried because the circuit breaker was open. */
  'skippedByBreaker',
  /** Keys deleted and namespaces renewed. */
  'invalidations',
  /** Invalidations that failed and were queued for replay. */
  'invalidationsDeferred',
  /** Queued invalidations dropped because the queue was full: only the TTL bounds their staleness. */
  'invalidationsDropped',
] as const;

export type CacheCounter = (typeof CACHE_COUNTERS)[number];
export type CacheOperation = 'lookup' | 'fill' | 'invalidate' | 'generation' | 'validate' | 'ping';

export interface CacheStatsSnapshot {
  readonly counters: Readonly<Record<CacheCounter, number>>;
  readonly latency: Readonly<Partial<Record<CacheOperation, LatencySnapshot>>>;
}

/** Counters and per-operation latency, cheap enough to update on every request; read by /metrics. */
export class CacheStats {
  private readonly counters = Object.fromEntries(CACHE_COUNTERS.map((name) => [name, 0])) as Record<
    CacheCounter,
    number
  >;
  private readonly latency = new Map<CacheOperation, LatencyHistogram>();

  increment(counter: CacheCounter, by = 1): void {
    this.counters[counter] += by;
  }

  get(counter: CacheCounter): number {
    return this.counters[counter];
  }

  observe(operation: CacheOperation, ms: number): void {
    let histogram = this.latency.get(operation);
    if (!histogram) {
      histogram = new LatencyHistogram();
      this.latency.set(operation, histogram);
    }
    histogram.observe(ms);
  }

  snapshot(): CacheStatsSnapshot {
    const latency: Partial<Record<CacheOperation, LatencySnapshot>> = {};
    for (const [operation, histogram] of this.latency) latency[operation] = histogram.snapshot();
    return { counters: { ...this.counters }, latency };
  }
}
