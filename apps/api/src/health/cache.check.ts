import type { CacheHealth } from '@stratum/adapters';
import type { CheckResult, DependencyCheck } from './health-probe';

/** The cache (Redis, or the in-process LRU): never critical, since reads fall back to the database. */
export class CacheCheck implements DependencyCheck {
  readonly name = 'redis';
  readonly critical = false;

  constructor(private readonly cache: { health(): Promise<CacheHealth> }) {}

  async check(): Promise<CheckResult> {
    const health = await this.cache.health();
    return {
      ok: health.status === 'up',
      latencyMs: health.latencyMs,
      backend: health.backend,
      breaker: health.breaker,
      pendingInvalidations: health.pendingInvalidations,
      ...(health.error ? { error: health.error } : {}),
    };
  }
}
