export { createPrismaRepositories, type PrismaRepositoriesOptions } from './prisma-repositories';
export { PrismaUnitOfWork, type UnitOfWorkOptions } from './unit-of-work/prisma-unit-of-work';
export {
  JOB_LOCK_SPACE,
  PrismaExclusiveJobs,
  jobLockKey,
  type ExclusiveJobsOptions,
} from './unit-of-work/prisma-exclusive-jobs';
export { PrismaUserRepository } from './users/prisma-user.repository';
export { PrismaRoleRepository } from './roles/prisma-role.repository';
export { PrismaProductRepository, type ProductSearchOptions } from './products/prisma-product.repository';
export { DEFAULT_SEARCH_CANDIDATES } from './products/product.sql';
export { PrismaOrderRepository } from './orders/prisma-order.repository';
export { PrismaAccountRepository } from './accounts/prisma-account.repository';
export {
  DatabaseUnavailableError,
  asInfrastructureError,
  isTransientFailure,
  isUnavailable,
  sqlStateMeaningOf,
} from './shared/database-error';
export { meaningOfSqlState, type SqlStateMeaning } from './shared/sqlstate-meaning';
export {
  DEFAULT_RETRY_POLICY,
  RetryCounter,
  withTransientRetry,
  type RetryPolicy,
  type TransientRetryOptions,
} from './shared/retry';
export type { PrismaDb } from './shared/prisma-db';
export { PrismaSessionRepository } from './sessions/prisma-session.repository';
export { ReadSession } from './replicas/read-session';
export { ReadRouter } from './replicas/read-router';
export type { RoutedReplica } from './replicas/read-target.port';
export type { PrismaReadClient, ReplicaSwitch, RoutedReadClient } from './replicas/read-client';
export { ReplicaMonitor } from './replicas/replica-monitor';
export { createReadReplication, type ReadReplication } from './replicas/read-replication';
export type { ReplicaReport, ReplicationReport } from './replicas/replication-report';
export { replicationMetrics, type ReplicationMetrics } from './replicas/replication-metrics';
export type { FallbackReason, SkipReason } from './replicas/read-counters';
export type { ReplicaState, ReplicaStatus } from './replicas/replica-status';
export * from './cache';
export * from './rate-limits';
