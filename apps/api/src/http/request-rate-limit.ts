import type { RequestLimiter } from '@stratum/adapters';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Not counted against the client's request limit: health and metrics probes. */
    rateLimitExempt?: boolean;
  }
}

/**
 * The general per-client request limit: every request but the probes counts against its client
 * address (request.ip, which honours TRUST_PROXY), in Redis for every instance when configured.
 * Every counted answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds
 * until the window resets), the IETF httpapi draft's three fields that clients and gateways
 * widely read; past the limit, 429 RATE_LIMITED in the error shape with Retry-After.
 */
export function registerRequestRateLimit(app: FastifyInstance, limiter: RequestLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.rateLimitExempt) return;
    const decision = await limiter.consume(request.ip);
    const resetSeconds = Math.max(1, Math.ceil(decision.resetMs / 1_000));
    reply.header('ratelimit-limit', String(decision.limit));
    reply.header('ratelimit-remaining', String(decision.remaining));
    reply.header('ratelimit-reset', String(resetSeconds));
    if (!decision.allowed) {
      throw new ApiError('RATE_LIMITED', 'Too many requests from this client; try again later', resetSeconds);
    }
  });
}
