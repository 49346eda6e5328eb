import type { CheckResult, DependencyCheck } from './health-probe';

/** What a probe of the primary reports: the shape of @stratum/prisma's checkDatabaseHealth. */
export interface PrimaryHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
  pool: { max: number; total: number; idle: number; waiting: number };
}

/**
 * The primary answers `SELECT 1`; the report adds the pool's connections in use, idle and waiting.
 * The probe is handed in by the composition root, the one place that knows the pool.
 */
export class PrimaryDatabaseCheck implements DependencyCheck {
  readonly name = 'primary';
  readonly critical = true;

  constructor(private readonly probe: () => Promise<PrimaryHealth>) {}

  async check(): Promise<CheckResult> {
    const health = await this.probe();
    const { max, total, idle, waiting } = health.pool;
    return {
      ok: health.ok,
      latencyMs: health.latencyMs,
      ...(health.error ? { error: health.error } : {}),
      pool: { max, total, inUse: total - idle, idle, waiting },
    };
  }
}
