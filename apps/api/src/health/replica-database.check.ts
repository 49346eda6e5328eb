import type { ReadReplication } from '@stratum/adapters';
import type { CheckResult, DependencyCheck } from './health-probe';

/**
 * One read replica, as the replica monitor last judged it (no query of its own). Never critical:
 * while a replica is down or lagging its reads go to the primary.
 */
export class ReplicaDatabaseCheck implements DependencyCheck {
  readonly critical = false;
  readonly name: string;

  constructor(
    private readonly replication: ReadReplication,
    private readonly replica: string,
  ) {
    this.name = `replica:${replica}`;
  }

  async check(): Promise<CheckResult> {
    const report = this.replication.report().replicas.find((r) => r.name === this.replica);
    if (!report) return { ok: false, error: 'unknown replica' };
    const { name: _name, error, ...detail } = report;
    return { ok: report.state === 'up', ...detail, ...(error ? { error } : {}) };
  }
}
