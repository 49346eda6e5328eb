export {
  createEmptyTestDatabase,
  createTestDatabase,
  testServerUrl,
  type TestDatabase,
} from './test-database';
export { migrateDeploy, migrationsFingerprint } from './migrate-deploy';
export { runPrisma, runPrismaRaw, type PrismaRun } from './run-prisma';
export {
  createRoutedTestDatabase,
  pgBouncerSkipReason,
  setTimeoutDefaults,
  type ConnectionRoute,
  type PooledTestDatabase,
} from './pooled-test-database';
