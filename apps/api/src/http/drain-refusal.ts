import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

/**
 * While the server drains on shutdown, a request that still arrives (on a kept-alive connection)
 * is refused in our error shape with Retry-After, so a client or balancer retries it elsewhere.
 * Replaces Fastify's own answer (`return503OnClosing`), which has neither. Draining begins when
 * the server starts closing; `beginDrain` starts it by hand (tests, a pre-stop hook).
 */
export function registerDrainRefusal(
  app: FastifyInstance,
  retryAfterSeconds: number,
): { beginDrain(): void } {
  let draining = false;
  const beginDrain = () => {
    draining = true;
  };
  app.addHook('preClose', async () => beginDrain());
  app.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    reply.header('connection', 'close');
    throw new ApiError('SHUTTING_DOWN', 'The server is shutting down; retry the request', retryAfterSeconds);
  });
  return { beginDrain };
}
