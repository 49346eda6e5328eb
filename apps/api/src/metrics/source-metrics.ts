import { Counter, Gauge, type Registry } from 'prom-client';
import type { CountsSource, GaugesSource, MetricsSources } from './metrics-sources';

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
