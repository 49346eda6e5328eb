/** What /health reports: each dependency's state, so operators see which part is down. */
export interface CheckResult {
  ok: boolean;
  latencyMs?: number;
  error?: string;
  [detail: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: Record<string, CheckResult>;
}

export interface HealthProbe {
  check(): Promise<HealthReport>;
}

/**
 * One dependency behind /health. The extension point for the read replicas (one check per
 * replica, reporting its lag) and for Redis: pass more of these to CompositeHealthProbe.
 */
export interface DependencyCheck {
  /** The key in the report's checks, e.g. 'primary', 'replica:eu-1', 'redis'. */
  readonly name: string;
  /**
   * A critical dependency down makes the instance 'down' (503, out of the load balancer);
   * any other only 'degraded' (200), e.g. replicas (reads fall back to the primary) or the cache.
   */
  readonly critical: boolean;
  check(): Promise<CheckResult>;
}
