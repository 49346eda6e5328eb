export { PrismaClient, Prisma } from '../generated/client/client';
export type * from '../generated/client/models';
export { OrderStatus, UserStatus } from '../generated/client/enums';
export {
  DATABASE_ENV,
  behindTransactionPooler,
  namesStatements,
  readDatabaseConfig,
  type DatabaseConfig,
  type DatabasePooler,
} from './database-config';
export {
  ConfigError,
  envBoolean,
  envDefaults,
  envInteger,
  envOneOf,
  envText,
  envUrl,
  parseEnv,
  readAll,
  type ConfigIssue,
  type Env,
  type EnvSchema,
} from './config/env-schema';
export { checkSessionTimeouts, type SessionTimeoutMismatch } from './session-timeouts';
export {
  POOL_TIMEOUT,
  PoolTimeoutError,
  StratumPool,
  createPgPool,
  startupParameters,
  type PoolStats,
} from './pg-pool';
export { createDatabase, type CreateDatabaseOptions, type Database } from './prisma-client';
export { directSqlOf, type DirectQuery, type DirectSql } from './direct-sql';
export { statementNamer } from './statement-names';
export { checkDatabaseHealth, type DatabaseHealth } from './database-health';
export type { PrismaTransaction } from './prisma-transaction';
export { listMigrations, readMigrationState, type MigrationState } from './migrate/migration-state';
export { WalPosition } from './replicas/wal-position';
export {
  readReplicaConfig,
  type ReplicaConfig,
  type ReplicaRoutingConfig,
  type ReplicaSetConfig,
} from './replicas/replica-config';
export {
  closeReplicaDatabases,
  createReplicaDatabases,
  type CreateReplicaDatabasesOptions,
  type ReplicaDatabase,
} from './replicas/replica-databases';
export {
  probePrimaryPosition,
  probeStandby,
  readWriteToken,
  type StandbyState,
} from './replicas/replication-probe';
