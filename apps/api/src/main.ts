// The API process: builds the real dependencies from the environment, listens, and on SIGTERM or
// SIGINT drains in-flight requests before closing the replicas, the pool and the cache.
import {
  CachingUnitOfWork,
  PrismaSessionRepository,
  PrismaUnitOfWork,
  cacheRepositories,
  createCache,
  createPrismaRepositories,
  createReadReplication,
  readCacheConfig,
  replicationMetrics,
  transactionRetries,
} from '@stratum/adapters';
import {
  closeReplicaDatabases,
  createDatabase,
  createReplicaDatabases,
  readReplicaConfig,
} from '@stratum/prisma';
import { loadEnvFile } from '@stratum/prisma/env-file';
import { startSessionPurge } from './auth/session-purge';
import { readApiConfig } from './config/api-config';
import { systemClock } from './config/clock';
import { CacheCheck } from './health/cache.check';
import { CompositeHealthProbe } from './health/composite-health-probe';
import { PrimaryDatabaseCheck } from './health/primary-database.check';
import { ReplicaDatabaseCheck } from './health/replica-database.check';
import { gracefulShutdown } from './lifecycle/graceful-shutdown';
import { replicaReadRouting } from './reads/replica-read-routing';
import { buildServer } from './server';

loadEnvFile(); // the repository's .env; the environment wins
const config = readApiConfig();
const database = createDatabase();
// Redis when REDIS_URL is set, else an in-process LRU. Sessions and permissions are never cached:
// revocation must take effect on the next request.
const cache = createCache(readCacheConfig());
// DATABASE_REPLICA_URLS unset: no replicas, and every read goes to the primary.
const replicaSet = readReplicaConfig(process.env, database.config);
const replicas = createReplicaDatabases(replicaSet.replicas);
const replication = createReadReplication(database, replicas, replicaSet.routing);
const sessions = new PrismaSessionRepository(database.prisma);
const primaryRepositories = createPrismaRepositories(database.prisma);

const app = buildServer(
  {
    repositories: cacheRepositories(primaryRepositories, cache),
    readRouting:
      replicas.length > 0
        ? replicaReadRouting(replication, database.prisma, primaryRepositories, cache)
        : undefined,
    unitOfWork: new CachingUnitOfWork(new PrismaUnitOfWork(database.prisma), cache),
    sessions,
    health: new CompositeHealthProbe([
      new PrimaryDatabaseCheck(database.pool),
      ...replicas.map((replica) => new ReplicaDatabaseCheck(replication, replica.name)),
      new CacheCheck(cache),
    ]),
    metrics: {
      pool: database.pool,
      cache: {
        read: () => {
          const counts = cache.stats.snapshot().counters;
          return { hit: counts.hits, miss: counts.misses, error: counts.errors, bypassed: counts.bypassed };
        },
      },
      replicaRouting: { read: () => replicationMetrics(replication.report()).readsRouted },
      replicaLag: { read: () => replicationMetrics(replication.report()).lagSeconds },
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
    { name: 'replication', close: () => replication.stop() },
    { name: 'replicas', close: () => closeReplicaDatabases(replicas) },
    { name: 'database', close: () => database.close() },
    { name: 'cache', close: () => cache.close() },
  ],
  graceMs: config.shutdownGraceMs,
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  // Ctrl-C reaches us twice (from the terminal and forwarded by the launcher): drain once.
  if (stopping) return;
  stopping = true;
  stopPurge();
  const { drained } = await shutdown(signal);
  process.exit(drained ? 0 : 1);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// Replicas take reads from the first request on once the first probe round has judged them.
await replication.start();
await app.listen({ port: config.port, host: config.host });
