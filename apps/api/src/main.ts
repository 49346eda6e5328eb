// The API process: builds the real dependencies from the environment, listens, and on SIGTERM or
// SIGINT drains in-flight requests before closing the pool.
import {
  CachingUnitOfWork,
  PrismaSessionRepository,
  PrismaUnitOfWork,
  cacheRepositories,
  createCache,
  createPrismaRepositories,
  readCacheConfig,
  transactionRetries,
} from '@stratum/adapters';
import { createDatabase } from '@stratum/prisma';
import { startSessionPurge } from './auth/session-purge';
import { readApiConfig } from './config/api-config';
import { systemClock } from './config/clock';
import { CacheCheck } from './health/cache.check';
import { CompositeHealthProbe } from './health/composite-health-probe';
import { PrimaryDatabaseCheck } from './health/primary-database.check';
import { gracefulShutdown } from './lifecycle/graceful-shutdown';
import { buildServer } from './server';

const config = readApiConfig();
const database = createDatabase();
// Redis when REDIS_URL is set, else an in-process LRU. Sessions and permissions are never cached:
// revocation must take effect on the next request.
const cache = createCache(readCacheConfig());
const sessions = new PrismaSessionRepository(database.prisma);

const app = buildServer(
  {
    repositories: cacheRepositories(createPrismaRepositories(database.prisma), cache),
    unitOfWork: new CachingUnitOfWork(new PrismaUnitOfWork(database.prisma), cache),
    sessions,
    health: new CompositeHealthProbe([new PrimaryDatabaseCheck(database.pool), new CacheCheck(cache)]),
    metrics: {
      pool: database.pool,
      cache: {
        read: () => {
          const counts = cache.stats.snapshot().counters;
          return { hit: counts.hits, miss: counts.misses, error: counts.errors, bypassed: counts.bypassed };
        },
      },
      retries: { read: () => ({ ...transactionRetries }) },
      processMetrics: true,
    },
    clock: systemClock,
    config,
  },
  { logger: { level: config.logLevel } },
);

const stopPurge = startSessionPurge(sessions, systemClock, app.log);
const shutdown = gracefulShutdown({
  app,
  resources: [
    { name: 'database', close: () => database.close() },
    { name: 'cache', close: () => cache.close() },
  ],
  graceMs: config.shutdownGraceMs,
});

async function stop(signal: string): Promise<void> {
  stopPurge();
  const { drained } = await shutdown(signal);
  process.exit(drained ? 0 : 1);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port: config.port, host: config.host });
