import {
  probePrimaryPosition,
  probeStandby,
  readWriteToken,
  type Database,
  type ReplicaDatabase,
  type ReplicaRoutingConfig,
} from '@stratum/prisma';
import { ReadRouter } from './read-router';
import { ReplicaMonitor } from './replica-monitor';
import { buildReplicationReport, type ReplicationReport } from './replication-report';

/** The router and the monitor that feeds it, wired to the primary and the replica databases. */
export interface ReadReplication {
  readonly router: ReadRouter;
  readonly monitor: ReplicaMonitor;
  /**
   * Starts probing and resolves after the first round, so that replicas that are fit take reads
   * from the first request on (until then every read goes to the primary).
   */
  start(): Promise<void>;
  /** Stops probing; call before closing the databases. */
  stop(): Promise<void>;
  report(): ReplicationReport;
}

export function createReadReplication(
  primary: Database,
  replicas: readonly ReplicaDatabase[],
  routing: ReplicaRoutingConfig,
): ReadReplication {
  const monitor = new ReplicaMonitor(
    {
      primary: (timeoutMs) => probePrimaryPosition(primary.pool, timeoutMs),
      replicas: replicas.map((replica) => ({
        name: replica.name,
        probe: (timeoutMs) => probeStandby(replica.pool, timeoutMs),
      })),
    },
    routing,
  );
  const router = new ReadRouter({
    primary: primary.prisma,
    replicas,
    health: monitor,
    // Bounded by the statement timeout like any query; it follows a write that just succeeded.
    writePosition: () => readWriteToken(primary.pool, primary.config.statementTimeoutMs),
  });
  return {
    router,
    monitor,
    start: async () => {
      if (replicas.length === 0) return;
      monitor.start();
      await monitor.refresh();
    },
    stop: () => monitor.stop(),
    report: () => buildReplicationReport(monitor, router.counters),
  };
}
