/**
 * Objects the metrics read at scrape time. Each is an extension point: main.ts passes what exists
 * (the pool) and the cache and replica router plug in with a one-line adapter, e.g.
 * `cache: { read: () => ({ hit: cache.stats().hits, miss: cache.stats().misses }) }`.
 */

/** Cumulative counts by one label's value, e.g. { hit: 120, miss: 7 }. Must never decrease. */
export interface CountsSource {
  read(): Readonly<Record<string, number>>;
}

/** Current values by one label's value, e.g. replication lag by replica name; null when unknown. */
export interface GaugesSource {
  read(): Readonly<Record<string, number | null>>;
}

/** A cumulative latency histogram in milliseconds, as the cache keeps one per operation. */
export interface LatencyHistogramSnapshot {
  readonly count: number;
  readonly sumMs: number;
  /** Cumulative counts by upper bound in ms ('1', '2.5', ..., '+Inf'). */
  readonly buckets: Readonly<Record<string, number>>;
}

/** Histograms by one label's value, e.g. cache latency by operation. Must never decrease. */
export interface HistogramsSource {
  read(): Readonly<Record<string, LatencyHistogramSnapshot | undefined>>;
}

export interface PoolStatsSource {
  stats(): { max: number; total: number; idle: number; waiting: number };
}

export interface MetricsSources {
  /** The primary's connection pool (StratumPool fits as it is). */
  pool?: PoolStatsSource;
  /** Cache lookups by result: hit, miss (and error, if it counts them). */
  cache?: CountsSource;
  /** Cache (Redis) command latency by operation: lookup, fill, invalidate, generation, ping. */
  cacheLatency?: HistogramsSource;
  /** Reads by where the replica router sent them, e.g. { replica: 90, primary: 10, fallback: 2 }. */
  replicaRouting?: CountsSource;
  /** Replication lag in seconds by replica name. */
  replicaLag?: GaugesSource;
  /** Transaction attempts by outcome, e.g. { retried: 4, exhausted: 1 }. */
  retries?: CountsSource;
  /**
   * Node's process metrics under their usual names (process_cpu_seconds_total, nodejs_heap_*), so
   * stock dashboards find them; off in tests that build many servers.
   */
  processMetrics?: boolean;
}
