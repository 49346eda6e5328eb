import { createRateLimitStores, type RateLimitStores } from '@stratum/adapters';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { ApiContext, ApiDependencies } from './app-dependencies';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { Argon2PasswordHasher } from './auth/password-hasher';
import { SignUpRateLimiter } from './auth/sign-up-rate-limiter';
import { enforceAccess, type RouteAccess } from './auth/require-permission';
import { SessionService } from './auth/session.service';
import { systemClock } from './config/clock';
import { fastifyTrustProxy } from './config/trust-proxy';
import { registerDrainRefusal } from './http/drain-refusal';
import { registerErrorHandler } from './http/error-handler';
import { ErrorResponseSchema } from './http/error-response';
import { registerLoadShedding } from './http/load-shedding';
import { loggerOptions, type LoggerSettings } from './http/logger-options';
import { registerNulGuard } from './http/nul-guard';
import { registerRequestRateLimit } from './http/request-rate-limit';
import { DOCS_PREFIX, registerOpenApi } from './http/openapi';
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id';
import { registerHttpMetrics } from './metrics/http-metrics';
import { registerSourceMetrics } from './metrics/source-metrics';
import { registerReadSessions } from './reads/register-read-sessions';
import { accountsRoutes } from './routes/accounts.routes';
import { authRoutes } from './routes/auth.routes';
import { healthRoutes } from './routes/health.routes';
import { metricsRoutes } from './routes/metrics.routes';
import { ordersRoutes } from './routes/orders.routes';
import { productsRoutes } from './routes/products.routes';
import { userRolesRoutes } from './routes/user-roles.routes';
import { usersRoutes } from './routes/users.routes';
import { createUseCases } from './use-cases/use-cases';

export interface ServerOptions {
  /** Off unless given: tests stay quiet, main.ts passes the configured level. */
  logger?: LoggerSettings;
}

export type StratumServer = FastifyInstance & {
  routeAccess: readonly RouteAccess[];
  /** Refuse new requests from now on, as while the server closes. */
  beginDrain(): void;
};

/** Builds the HTTP server without listening, so tests can drive it with inject() or a real port. */
export function buildServer(deps: ApiDependencies, options: ServerOptions = {}): StratumServer {
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger) : false,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    exposeHeadRoutes: false,
    // Our own drain refusal answers instead, in our error shape and with Retry-After.
    return503OnClosing: false,
  });
  // Bodies are JSON. Fastify also parses text/plain by default, which turned a text body sent to a
  // JSON route into a string that failed validation (400); without the parser it is 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // What a signed-in caller is shown is theirs alone: no shared cache, proxy or browser keeps it.
    if (request.headers.authorization !== undefined) reply.header('cache-control', 'no-store');
  });

  const registry = new Registry();
  // Node's metrics under their usual names, so stock Node.js dashboards find them; ours are stratum_*.
  if (deps.metrics?.processMetrics) collectDefaultMetrics({ register: registry });
  registerSourceMetrics(registry, deps.metrics ?? {});
  const httpMetrics = registerHttpMetrics(app, registry);
  registerErrorHandler(app, {
    unavailableRetryAfterSeconds: deps.config.unavailableRetryAfterSeconds,
    onError: httpMetrics.errorCounted,
  });

  registerLoadShedding(app, {
    ...deps.config.loadShedding,
    retryAfterSeconds: deps.config.unavailableRetryAfterSeconds,
  });
  const { beginDrain } = registerDrainRefusal(app, deps.config.unavailableRetryAfterSeconds);
  const rateLimits =
    deps.rateLimits ??
    createRateLimitStores({ redis: null, keyPrefix: deps.config.rateLimitKeyPrefix, outageCooldownMs: 0 });
  const { maxPerWindow, windowSeconds } = deps.config.requestLimit;
  if (maxPerWindow > 0) {
    registerRequestRateLimit(app, rateLimits.requests({ points: maxPerWindow, windowSeconds }));
  }
  registerNulGuard(app);
  if (deps.readRouting) registerReadSessions(app, deps.readRouting);
  const ctx = contextOf(deps, rateLimits);
  const routeAccess = enforceAccess(app, ctx.sessions, { publicPrefix: DOCS_PREFIX });
  // Every documented error answer has the same shape.
  app.addHook('onRoute', (route) => {
    if (route.schema?.response) {
      route.schema.response = {
        ...route.schema.response,
        '4xx': ErrorResponseSchema,
        '5xx': ErrorResponseSchema,
      };
    }
  });

  registerOpenApi(app);
  void app.register(healthRoutes({ health: deps.health, readiness: deps.readiness }));
  void app.register(metricsRoutes(registry));
  void app.register(authRoutes(ctx));
  void app.register(usersRoutes(ctx));
  void app.register(userRolesRoutes(ctx));
  void app.register(productsRoutes(ctx));
  void app.register(ordersRoutes(ctx));
  void app.register(accountsRoutes(ctx));
  return Object.assign(app, { routeAccess, beginDrain });
}

function contextOf(deps: ApiDependencies, rateLimits: RateLimitStores): ApiContext {
  const clock = deps.clock ?? systemClock;
  const { readRouting, repositories } = deps;
  const { users, roles } = repositories;
  return {
    repositories,
    readsFor: (request) =>
      readRouting && request.readSession ? readRouting.repositoriesFor(request.readSession) : repositories,
    clock,
    sessions: new SessionService({ users, roles, sessions: deps.sessions, clock }),
    useCases: createUseCases({
      repositories,
      unitOfWork: deps.unitOfWork,
      sessions: deps.sessions,
      hasher: deps.passwordHasher ?? new Argon2PasswordHasher(),
      loginLimiter: new LoginRateLimiter(rateLimits.attempts, deps.config.loginLimits),
      signUpLimiter: new SignUpRateLimiter(rateLimits.attempts, deps.config.signUpLimits),
      clock,
      sessionTtlMs: deps.config.sessionTtlMs,
      maxPendingOrdersPerCustomer: deps.config.maxPendingOrdersPerCustomer,
    }),
  };
}
