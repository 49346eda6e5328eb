export {
  createEmptyTestDatabase,
  createTestDatabase,
  testServerUrl,
  type MigratedTestDatabase,
  type TestDatabase,
} from './test-database';
export { RUNTIME_GROUP_ROLE, TEST_RUNTIME_ROLE } from './test-runtime-role';
export { migrateDeploy, migrationsFingerprint } from './migrate-deploy';
export { runPrisma, runPrismaRaw, type PrismaRun } from './run-prisma';
export {
  createRoutedTestDatabase,
  pgBouncerSkipReason,
  setTimeoutDefaults,
  type ConnectionRoute,
  type PooledTestDatabase,
} from './pooled-test-database';
