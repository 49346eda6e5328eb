import type { ReplicationReport } from './replication-report';

/**
 * The replication report flattened into label -> value maps, the shape the API's metrics sources
 * read at scrape time (one label each, counts that never decrease).
 */
export interface ReplicationMetrics {
  /**
   * Reads by target: `replica:<name>` for each read routed to a replica (one that then failed
   * included), `primary:<reason>` for each that could have gone to a replica but ran on the primary.
   */
  readsRouted: Record<string, number>;
  /** 1 while a replica takes reads, 0 while it is lagging or down. */
  up: Record<string, number>;
  lagBytes: Record<string, number | null>;
  lagSeconds: Record<string, number | null>;
}

export function replicationMetrics(report: ReplicationReport): ReplicationMetrics {
  const metrics: ReplicationMetrics = { readsRouted: {}, up: {}, lagBytes: {}, lagSeconds: {} };
  for (const [reason, count] of Object.entries(report.primary.fallbacks)) {
    metrics.readsRouted[`primary:${reason}`] = count;
  }
  for (const replica of report.replicas) {
    metrics.readsRouted[`replica:${replica.name}`] = replica.reads;
    metrics.up[replica.name] = replica.state === 'up' ? 1 : 0;
    metrics.lagBytes[replica.name] = replica.lagBytes;
    metrics.lagSeconds[replica.name] = replica.lagSeconds;
  }
  return metrics;
}
