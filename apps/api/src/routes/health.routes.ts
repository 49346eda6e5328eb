import type { FastifyPluginAsync } from 'fastify';
import type { HealthProbe, HealthReport } from '../health/health-probe';

export interface HealthProbes {
  /** Everything the instance depends on, for operators: primary, replicas, cache, pool. */
  health: HealthProbe;
  /** What must hold for this instance to take traffic: primary, pool room, schema migrated. */
  readiness: HealthProbe;
}

/**
 * The health routes are public and unauthenticated (load balancers and orchestrators call them), so
 * they name what is down but keep the reason (a driver message can name hosts or users) for the log.
 *
 * - /health/live: the process answers. Checks nothing, so a database outage never gets every
 *   instance restarted; exempt from load shedding, so a busy process is not taken for a dead one.
 * - /health/ready: 503 while the instance should get no traffic (primary unreachable, pool
 *   saturated, a migration pending or failed, or shedding load).
 * - /health: the full report for people, 503 only when a critical dependency is down.
 */
export function healthRoutes(probes: HealthProbes): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/health/live',
      {
        config: { access: 'public', shedExempt: true, rateLimitExempt: true },
        schema: {
          operationId: 'getLiveness',
          tags: ['operations'],
          summary: 'Liveness: the process answers; checks no dependency',
        },
      },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/health/ready',
      {
        config: { access: 'public', rateLimitExempt: true },
        schema: {
          operationId: 'getReadiness',
          tags: ['operations'],
          summary: 'Readiness: primary reachable, pool not saturated, no pending or failed migration',
        },
      },
      async (request, reply) => {
        const report = await probes.readiness.check();
        if (report.status !== 'ok') request.log.warn({ readiness: report }, 'not ready');
        return reply.code(report.status === 'ok' ? 200 : 503).send(withoutReasons(report));
      },
    );

    app.get(
      '/health',
      {
        config: { access: 'public', rateLimitExempt: true },
        schema: {
          operationId: 'getHealth',
          tags: ['operations'],
          summary: 'Primary, replicas, cache and pool state',
        },
      },
      async (request, reply) => {
        const report = await probes.health.check();
        if (report.status !== 'ok') request.log.warn({ health: report }, 'health check failing');
        // A load balancer takes an instance out of rotation on 503; 'degraded' still serves.
        return reply.code(report.status === 'down' ? 503 : 200).send(withoutReasons(report));
      },
    );
  };
}

function withoutReasons(report: HealthReport): HealthReport {
  const checks: HealthReport['checks'] = {};
  for (const [name, result] of Object.entries(report.checks)) {
    checks[name] = result.error === undefined ? result : { ...result, error: 'unavailable' };
  }
  return { status: report.status, checks };
}
