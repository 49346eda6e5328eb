import Fastify, { type FastifyInstance } from 'fastify';
import type { HealthProbe } from './health/health-probe';
import { registerHealthRoutes } from './routes/health.routes';

export interface ServerDependencies {
  health: HealthProbe;
}

/** Builds the HTTP server without listening, so tests can drive it with inject() or a real port. */
export function buildServer(deps: ServerDependencies, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  registerHealthRoutes(app, deps.health);
  return app;
}
