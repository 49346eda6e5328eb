import type { FastifyPluginAsync } from 'fastify';
import type { HealthProbe, HealthReport } from '../health/health-probe';

/**
 * GET /health is public and unauthenticated (load balancers call it), so it names what is down but
 * keeps the reason (a driver message can name hosts or users) for the log.
 */
export function healthRoutes(probe: HealthProbe): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: { tags: ['operations'], summary: 'Primary, replicas, cache and pool state' },
      },
      async (request, reply) => {
        const report = await probe.check();
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
