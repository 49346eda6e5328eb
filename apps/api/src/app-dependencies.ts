import type { RateLimitStores } from '@stratum/adapters';
import type { Repositories, SessionRepository, UnitOfWork } from '@stratum/domain';
import type { FastifyRequest } from 'fastify';
import type { PasswordHasher } from './auth/password-hasher';
import type { SessionService } from './auth/session.service';
import type { ApiConfig } from './config/api-config';
import type { Clock } from './config/clock';
import type { HealthProbe } from './health/health-probe';
import type { MetricsSources } from './metrics/metrics-sources';
import type { ReadRouting } from './reads/read-routing';
import type { UseCases } from './use-cases/use-cases';

/** Everything the server is built from; createApiRuntime wires the real ones (tests too, mostly). */
export interface ApiDependencies {
  /** Repositories on the application's client, for work that needs no transaction of its own. */
  repositories: Repositories;
  /** With read replicas: where GET handlers' reads go. Without, they use `repositories`. */
  readRouting?: ReadRouting;
  unitOfWork: UnitOfWork;
  sessions: SessionRepository;
  /** /health: every dependency, for operators. */
  health: HealthProbe;
  /** /health/ready: what must hold for the instance to take traffic. */
  readiness: HealthProbe;
  config: ApiConfig;
  metrics?: MetricsSources;
  clock?: Clock;
  passwordHasher?: PasswordHasher;
  /** Where the login, sign-up and request limits count; unset, in this process. */
  rateLimits?: RateLimitStores;
}

/** What route plugins are handed: the dependencies plus the services built on them. */
export interface ApiContext {
  /** On the primary: writes, and the reads that decide a write or an access. */
  repositories: Repositories;
  /** For a GET handler's reads: replicas allowed by the request's read session, else the primary. */
  readsFor(request: FastifyRequest): Repositories;
  clock: Clock;
  /** Turns a bearer token into the request's Principal. */
  sessions: SessionService;
  /** Every write goes through one of these; routes only parse, call and present. */
  useCases: UseCases;
}
