// The API process: builds the real dependencies from the environment, listens, and on SIGTERM or
// SIGINT drains in-flight requests before closing the pool.
import { PrismaSessionRepository, PrismaUnitOfWork, createPrismaRepositories } from '@stratum/adapters';
import { createDatabase } from '@stratum/prisma';
import { startSessionPurge } from './auth/session-purge';
import { readApiConfig } from './config/api-config';
import { systemClock } from './config/clock';
import { CompositeHealthProbe } from './health/composite-health-probe';
import { PrimaryDatabaseCheck } from './health/primary-database.check';
import { gracefulShutdown } from './lifecycle/graceful-shutdown';
import { buildServer } from './server';

const config = readApiConfig();
const database = createDatabase();
const sessions = new PrismaSessionRepository(database.prisma);

const app = buildServer(
  {
    repositories: createPrismaRepositories(database.prisma),
    unitOfWork: new PrismaUnitOfWork(database.prisma),
    sessions,
    // Extension points: add a DependencyCheck per read replica ('replica:<name>', lag in the
    // result) and one for Redis ('redis'), both non-critical.
    health: new CompositeHealthProbe([new PrimaryDatabaseCheck(database.pool)]),
    // Extension points: cache, replicaRouting, replicaLag and retries sources (see MetricsSources).
    metrics: { pool: database.pool, processMetrics: true },
    clock: systemClock,
    config,
  },
  { logger: { level: config.logLevel } },
);

const stopPurge = startSessionPurge(sessions, systemClock, app.log);
const shutdown = gracefulShutdown({
  app,
  // Redis goes here too, after the pool, once the cache is wired in.
  resources: [{ name: 'database', close: () => database.close() }],
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
