import { checkDatabaseHealth, type StratumPool } from '@stratum/prisma';
import type { CheckResult, DependencyCheck } from './health-probe';

/** The primary answers `SELECT 1`; the report adds the pool's connections in use, idle and waiting. */
export class PrimaryDatabaseCheck implements DependencyCheck {
  readonly name = 'primary';
  readonly critical = true;

  constructor(private readonly pool: StratumPool) {}

  async check(): Promise<CheckResult> {
    const health = await checkDatabaseHealth(this.pool);
    const { max, total, idle, waiting } = health.pool;
    return {
      ok: health.ok,
      latencyMs: health.latencyMs,
      ...(health.error ? { error: health.error } : {}),
      pool: { max, total, inUse: total - idle, idle, waiting },
    };
  }
}
