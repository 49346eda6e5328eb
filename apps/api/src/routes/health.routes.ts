import type { FastifyInstance } from 'fastify';
import type { HealthProbe } from '../health/health-probe';

export function registerHealthRoutes(app: FastifyInstance, probe: HealthProbe): void {
  app.get('/health', async (_request, reply) => {
    const report = await probe.check();
    // A load balancer takes an instance out of rotation on 503; 'degraded' still serves.
    return reply.code(report.status === 'down' ? 503 : 200).send(report);
  });
}
