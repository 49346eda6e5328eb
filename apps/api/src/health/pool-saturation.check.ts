import type { PoolStatsSource } from '../metrics/metrics-sources';
import type { CheckResult, DependencyCheck } from './health-probe';

/**
 * The primary's pool has room: not every connection is out with requests queued behind them. A
 * saturated instance leaves the load balancer's rotation until its queue drains, so new requests
 * go where they will not wait up to DATABASE_POOL_TIMEOUT_MS for a connection.
 */
export class PoolSaturationCheck implements DependencyCheck {
  readonly name = 'pool';
  readonly critical = true;

  constructor(private readonly pool: PoolStatsSource) {}

  async check(): Promise<CheckResult> {
    const { max, total, idle, waiting } = this.pool.stats();
    const inUse = total - idle;
    return { ok: !(inUse >= max && waiting > 0), max, inUse, waiting };
  }
}
