import type { FallbackReason, ReadCounters, SkipReason } from './read-counters';
import type { ReplicaMonitor } from './replica-monitor';
import type { ReplicaState } from './replica-status';

/** Everything /health and /metrics show about replication, as plain JSON. */
export interface ReplicationReport {
  primary: {
    reachable: boolean;
    /** The primary's WAL position at the last probe. */
    position: string | null;
    checkedAt: string | null;
    error: string | null;
    /** Reads that could have gone to a replica but ran on the primary, by reason. */
    fallbacks: Record<FallbackReason, number>;
  };
  replicas: ReplicaReport[];
}

export interface ReplicaReport {
  name: string;
  state: ReplicaState;
  lagBytes: number | null;
  lagSeconds: number | null;
  replayPosition: string | null;
  replayPaused: boolean | null;
  lastSeenAt: string | null;
  error: string | null;
  reads: number;
  errors: number;
  skipped: Record<SkipReason, number>;
}

export function buildReplicationReport(monitor: ReplicaMonitor, counters: ReadCounters): ReplicationReport {
  const primary = monitor.primary();
  return {
    primary: {
      reachable: primary.reachable,
      position: primary.position?.toString() ?? null,
      checkedAt: primary.checkedAt?.toISOString() ?? null,
      error: primary.error,
      fallbacks: { ...counters.fallbacks },
    },
    replicas: monitor.statusesInOrder().map((status) => ({
      name: status.name,
      state: status.state,
      lagBytes: status.lagBytes,
      lagSeconds: status.lagMs === null ? null : status.lagMs / 1_000,
      replayPosition: status.replayPosition?.toString() ?? null,
      replayPaused: status.replayPaused,
      lastSeenAt: status.lastSeenAt?.toISOString() ?? null,
      error: status.error,
      ...counters.replica(status.name),
    })),
  };
}
