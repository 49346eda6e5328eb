/** What /health reports: each dependency's state, so operators see which part is down. */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: Record<string, { ok: boolean; latencyMs?: number; error?: string; [detail: string]: unknown }>;
}

export interface HealthProbe {
  check(): Promise<HealthReport>;
}
