// The composition root: the one place that turns an environment into the production object graph.
// main.ts calls it and listens; tests call it on a test database, so they run what production runs.
import {
  CachingExclusiveJobs,
  CachingUnitOfWork,
  PrismaExclusiveJobs,
  PrismaSessionRepository,
  PrismaUnitOfWork,
  cacheRepositories,
  createCache,
  createRateLimitStores,
  redisClientFor,
  createPrismaRepositories,
  RetryCounter,
  createReadReplication,
  readCacheConfig,
  replicationMetrics,
  type ReadThroughCache,
} from '@stratum/adapters';
import type { Repositories, SessionRepository } from '@stratum/domain';
import {
  behindTransactionPooler,
  checkDatabaseHealth,
  checkSessionTimeouts,
  closeReplicaDatabases,
  createDatabase,
  createReplicaDatabases,
  readAll,
  readDatabaseConfig,
  readReplicaConfig,
  type Database,
  type DatabaseConfig,
} from '@stratum/prisma';
import type { ApiDependencies } from '../app-dependencies';
import { sessionPurgeJob } from '../auth/session-purge';
import { readApiConfig, type ApiConfig } from '../config/api-config';
import { systemClock, type Clock } from '../config/clock';
import { builtMigrations } from '../health/built-migrations';
import { CacheCheck } from '../health/cache.check';
import { CompositeHealthProbe } from '../health/composite-health-probe';
import { MigrationsCheck } from '../health/migrations.check';
import { PoolSaturationCheck } from '../health/pool-saturation.check';
import { PrimaryDatabaseCheck } from '../health/primary-database.check';
import { ReplicaDatabaseCheck } from '../health/replica-database.check';
import type { LoggerSettings } from '../http/logger-options';
import { scheduleExclusiveJob } from '../jobs/exclusive-job.schedule';
import { pendingOrderSweepJob } from '../jobs/pending-order-sweep.job';
import { gracefulShutdown } from '../lifecycle/graceful-shutdown';
import type { CountsSource } from '../metrics/metrics-sources';
import { replicaReadRouting } from '../reads/replica-read-routing';
import { buildServer, type StratumServer } from '../server';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ApiRuntimeOptions {
  /** Off unless given, so tests stay quiet; `true` logs at the configured LOG_LEVEL to stdout. */
  logger?: LoggerSettings | true;
  clock?: Clock;
  /** Node's process metrics; once per process, so main.ts turns them on and tests leave them off. */
  processMetrics?: boolean;
  /** Settings over those read from env, e.g. a test's tighter login limits. */
  config?: Partial<ApiConfig>;
  /** Pool settings over those read from env, e.g. a test's smaller pool. */
  database?: Partial<Omit<DatabaseConfig, 'url'>>;
  /** For tests that need one part swapped (a health probe, a metrics source); production passes none. */
  overrides?: Partial<ApiDependencies>;
}

export interface ApiRuntime {
  readonly app: StratumServer;
  readonly config: ApiConfig;
  readonly database: Database;
  /** What the app itself writes and reads through on the primary: cached, as in production. */
  readonly repositories: Repositories;
  readonly sessions: SessionRepository;
  readonly cache: ReadThroughCache;
  /** Judges the replicas once, then starts probing them, purging ended sessions and expiring
   * pending orders; then ready. */
  start(): Promise<void>;
  /** Drains in-flight requests (up to the grace period), then closes replicas, pool and cache. Once. */
  stop(reason: string): Promise<{ drained: boolean }>;
}

export function createApiRuntime(env: Env, options: ApiRuntimeOptions = {}): ApiRuntime {
  // Every package's settings at once, so a start-up with several mistakes reports all of them.
  const [apiConfig, databaseConfig, cacheConfig] = readAll([
    () => readApiConfig(env),
    () => readDatabaseConfig(env),
    () => readCacheConfig(env),
  ]);
  const config = { ...apiConfig, ...options.config };
  const clock = options.clock ?? systemClock;
  const database = createDatabase({ config: { ...databaseConfig, ...options.database } });
  // Redis when REDIS_URL is set, else an in-process LRU. Sessions and permissions are never cached:
  // revocation must take effect on the next request.
  const cache = createCache(cacheConfig);
  // The limits count in Redis too when it is configured (a client of their own, with a longer
  // command timeout), so every instance shares them; while Redis fails they count in this process
  // (README, Security).
  const limitsRedis = redisClientFor({
    ...cacheConfig,
    redisCommandTimeoutMs: config.rateLimitRedisTimeoutMs,
  });
  const rateLimits = createRateLimitStores({
    redis: limitsRedis,
    keyPrefix: config.rateLimitKeyPrefix,
    outageCooldownMs: cacheConfig.breakerCooldownMs,
    onOutage: (error) =>
      app.log.warn({ err: error }, 'Redis failed: rate limits count in this process until it answers'),
  });
  // DATABASE_REPLICA_URLS unset: no replicas, and every read goes to the primary.
  const replicaSet = readReplicaConfig(env, database.config);
  const replicas = createReplicaDatabases(replicaSet.replicas);
  const replication = createReadReplication(database, replicas, replicaSet.routing);

  // One counter for every retrying path of this graph (repositories, unit of work, replica-routed
  // repositories), read by /metrics: a rising `exhausted` is contention retries no longer absorb.
  const retryCounter = new RetryCounter();
  const retries: CountsSource = { read: () => retryCounter.snapshot() };
  const primaryRepositories = createPrismaRepositories(database.prisma, { retries: retryCounter });
  const unitOfWork = new PrismaUnitOfWork(database.prisma, { retries: retryCounter });

  const repositories = cacheRepositories(primaryRepositories, cache);
  const sessions = new PrismaSessionRepository(database.prisma);
  // Housekeeping every instance schedules and one at a time runs (transaction-scoped locks, so
  // it works through PgBouncer too); what a job changes leaves the cache after its commit.
  const jobs = new CachingExclusiveJobs(new PrismaExclusiveJobs(database.prisma), cache);
  const app = buildServer(
    {
      repositories,
      readRouting:
        replicas.length > 0
          ? replicaReadRouting(replication, database.prisma, primaryRepositories, cache, retryCounter)
          : undefined,
      unitOfWork: new CachingUnitOfWork(unitOfWork, cache),
      sessions,
      health: new CompositeHealthProbe([
        new PrimaryDatabaseCheck(() => checkDatabaseHealth(database.pool)),
        ...replicas.map((replica) => new ReplicaDatabaseCheck(replication, replica.name)),
        new CacheCheck(cache),
      ]),
      readiness: new CompositeHealthProbe([
        new PrimaryDatabaseCheck(() => checkDatabaseHealth(database.pool)),
        new PoolSaturationCheck(database.pool),
        new MigrationsCheck(database.pool, builtMigrations),
      ]),
      clock,
      config,
      rateLimits,
      ...options.overrides,
      metrics: {
        pool: database.pool,
        cache: {
          read: () => {
            const counts = cache.stats.snapshot().counters;
            return { hit: counts.hits, miss: counts.misses, error: counts.errors, bypassed: counts.bypassed };
          },
        },
        cacheLatency: { read: () => cache.stats.snapshot().latency },
        replicaRouting: { read: () => replicationMetrics(replication.report()).readsRouted },
        replicaLag: { read: () => replicationMetrics(replication.report()).lagSeconds },
        retries,
        processMetrics: options.processMetrics ?? false,
        ...options.overrides?.metrics,
      },
    },
    { logger: options.logger === true ? { level: config.logLevel } : options.logger },
  );

  let stopJobs: Array<() => void> | undefined;
  const shutdown = gracefulShutdown({
    app,
    resources: [
      { name: 'replication', close: () => replication.stop() },
      { name: 'replicas', close: () => closeReplicaDatabases(replicas) },
      { name: 'database', close: () => database.close() },
      { name: 'cache', close: () => cache.close() },
      {
        name: 'rate limits',
        close: async () => {
          await limitsRedis?.quit().catch(() => limitsRedis.disconnect());
        },
      },
    ],
    graceMs: config.shutdownGraceMs,
  });

  return {
    app,
    config,
    database,
    repositories,
    sessions,
    cache,
    async start() {
      // Replicas take reads from the first request on once the first probe round has judged them.
      await replication.start();
      if (behindTransactionPooler(database.config)) await warnOfMissingTimeouts(database, app);
      stopJobs ??= [
        scheduleExclusiveJob(jobs, sessionPurgeJob(config.sessionPurgeIntervalMs), clock, app.log),
        scheduleExclusiveJob(jobs, pendingOrderSweepJob(config.pendingOrderSweep), clock, app.log),
      ];
      await app.ready();
    },
    stop(reason) {
      for (const stopJob of stopJobs ?? []) stopJob();
      return shutdown(reason);
    },
  };
}

/**
 * Behind PgBouncer the pool cannot set the timeouts at connect; they are the runtime role's
 * defaults (README, "PgBouncer"). Say at start-up which one is not what the configuration asks
 * for, instead of running without a bound nobody noticed was gone. Not fatal: a health check
 * should not keep a fleet from starting over a setting ops may be rolling out.
 */
async function warnOfMissingTimeouts(database: Database, app: StratumServer): Promise<void> {
  try {
    for (const mismatch of await checkSessionTimeouts(database.pool, database.config)) {
      app.log.warn(
        mismatch,
        `${mismatch.setting} is ${mismatch.actualMs} ms behind PgBouncer, not the configured ${mismatch.expectedMs}: ` +
          `set it as the runtime role's default (ALTER ROLE ... SET ${mismatch.setting} = ${mismatch.expectedMs})`,
      );
    }
  } catch (error) {
    app.log.warn({ err: error }, 'could not read the session timeouts behind PgBouncer');
  }
}
