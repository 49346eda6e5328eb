import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

/** Prometheus scrapes this; expose it on an internal network only (it is unauthenticated). */
export function metricsRoutes(registry: Registry): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/metrics',
      {
        config: { access: 'public', shedExempt: true, rateLimitExempt: true },
        schema: { operationId: 'getMetrics', tags: ['operations'], summary: 'Prometheus text format' },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
