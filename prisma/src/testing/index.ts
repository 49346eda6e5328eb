export {
  createEmptyTestDatabase,
  createTestDatabase,
  testServerUrl,
  type TestDatabase,
} from './test-database';
export { runPrisma, runPrismaRaw, type PrismaRun } from './run-prisma';
