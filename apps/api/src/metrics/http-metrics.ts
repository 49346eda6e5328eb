import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Latency per route and status, labelled with the route's pattern ('/orders/:id'), never the raw
 * URL, so the number of series stays bounded whatever clients request.
 */
export function registerHttpMetrics(
  app: FastifyInstance,
  registry: Registry,
): { errorCounted(code: string): void } {
  const duration = new Histogram({
    name: 'stratum_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'stratum_http_errors_total',
    help: 'Error responses by stable error code (CONFLICT counts retries exhausted)',
    labelNames: ['code'],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1_000,
    );
  });
  return { errorCounted: (code) => errors.inc({ code }) };
}
