import { Counter, Gauge, type Metric, type Registry } from 'prom-client';
import type { CountsSource, GaugesSource, HistogramsSource, MetricsSources } from './metrics-sources';

/** Registers the metrics fed from the sources that were passed in; absent sources add nothing. */
export function registerSourceMetrics(registry: Registry, sources: MetricsSources): void {
  const { pool } = sources;
  if (pool) {
    new Gauge({
      name: 'stratum_db_pool_connections',
      help: 'Connections of the primary pool by state (in_use, idle, waiting = requests queued, max)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const { max, total, idle, waiting } = pool.stats();
        this.set({ state: 'in_use' }, total - idle);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
        this.set({ state: 'max' }, max);
      },
    });
  }
  if (sources.cache)
    countsCounter(
      registry,
      'stratum_cache_requests_total',
      'Cache lookups by result',
      'result',
      sources.cache,
    );
  if (sources.replicaRouting) {
    countsCounter(
      registry,
      'stratum_db_reads_routed_total',
      'Reads by the target the router chose',
      'target',
      sources.replicaRouting,
    );
  }
  if (sources.retries) {
    countsCounter(
      registry,
      'stratum_db_transaction_attempts_total',
      'Transaction attempts by outcome',
      'outcome',
      sources.retries,
    );
  }
  if (sources.cacheLatency) {
    histograms(
      registry,
      'stratum_cache_operation_duration_seconds',
      'Cache (Redis) command latency by operation',
      'operation',
      sources.cacheLatency,
    );
  }
  if (sources.replicaLag) {
    gauges(
      registry,
      'stratum_db_replica_lag_seconds',
      'Replication lag by replica',
      'replica',
      sources.replicaLag,
    );
  }
}

// A Prometheus counter fed from a cumulative figure: each scrape adds what the source gained since
// the last one (or all of it, if the source restarted from zero).
function countsCounter(
  registry: Registry,
  name: string,
  help: string,
  label: string,
  source: CountsSource,
): void {
  const seen = new Map<string, number>();
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      for (const [value, total] of Object.entries(source.read())) {
        const previous = seen.get(value) ?? 0;
        const gained = total >= previous ? total - previous : total;
        if (gained > 0) this.inc({ [label]: value }, gained);
        seen.set(value, total);
      }
    },
  });
}

function gauges(registry: Registry, name: string, help: string, label: string, source: GaugesSource): void {
  new Gauge({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      this.reset();
      for (const [value, current] of Object.entries(source.read())) {
        if (current !== null) this.set({ [label]: value }, current);
      }
    },
  });
}

// A histogram kept elsewhere (the cache's, in milliseconds), exported as it stands at each scrape.
// prom-client's Histogram only takes single observations, so this is a collector of its own: the
// registry calls get() and renders the standard _bucket/_sum/_count series, here in seconds.
interface SeriesValue {
  metricName: string;
  labels: Record<string, string>;
  value: number;
}

function histograms(
  registry: Registry,
  name: string,
  help: string,
  label: string,
  source: HistogramsSource,
): void {
  const get = async () => {
    const values: SeriesValue[] = [];
    for (const [value, snapshot] of Object.entries(source.read())) {
      if (!snapshot) continue;
      for (const [bound, count] of Object.entries(snapshot.buckets)) {
        const le = bound === '+Inf' ? '+Inf' : String(Number(bound) / 1_000);
        values.push({ metricName: `${name}_bucket`, labels: { le, [label]: value }, value: count });
      }
      values.push({ metricName: `${name}_sum`, labels: { [label]: value }, value: snapshot.sumMs / 1_000 });
      values.push({ metricName: `${name}_count`, labels: { [label]: value }, value: snapshot.count });
    }
    return { name, help, type: 'histogram', aggregator: 'sum', values };
  };
  const collector = { name, help, type: 'histogram', aggregator: 'sum', get, reset: () => {} };
  registry.registerMetric(collector as unknown as Metric);
}
