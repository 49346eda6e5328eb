import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

export interface LoadSheddingSettings {
  /** Mean event-loop delay over a sample past which requests are refused; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** V8 heap in use past which requests are refused; 0 turns the check off. */
  maxHeapUsedBytes: number;
  /** How often both are sampled. */
  sampleIntervalMs: number;
  retryAfterSeconds: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answered even under pressure (liveness, metrics): a busy process is not a dead one. */
    shedExempt?: boolean;
    /** under-pressure's per-route override, set from shedExempt. */
    pressureHandler?: () => undefined;
  }
}

/**
 * Refuses requests with 503 and Retry-After, in the API's error shape, while the process is
 * overloaded: an event loop this late or a heap this full would only answer slower, or crash.
 * /health/ready answers 503 too, so an orchestrator stops sending traffic until it recovers;
 * /health/live does not, so the process is not restarted for being busy.
 */
export function registerLoadShedding(app: FastifyInstance, settings: LoadSheddingSettings): void {
  const { retryAfterSeconds } = settings;
  // under-pressure throws one instance of this for every refused request, into our error handler.
  class ServiceOverloadedError extends ApiError {
    constructor() {
      super('SERVICE_OVERLOADED', 'The service is overloaded; retry later', retryAfterSeconds);
    }
  }
  void app.register(underPressure, {
    maxEventLoopDelay: settings.maxEventLoopDelayMs,
    maxHeapUsedBytes: settings.maxHeapUsedBytes,
    sampleInterval: settings.sampleIntervalMs,
    retryAfter: retryAfterSeconds,
    customError: ServiceOverloadedError,
  });
  // Exempt routes carry their own handler, which lets the request through.
  app.addHook('onRoute', (route) => {
    if (route.config?.shedExempt) route.config = { ...route.config, pressureHandler: () => undefined };
  });
}
