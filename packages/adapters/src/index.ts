export { createPrismaRepositories } from './prisma-repositories';
export { PrismaUnitOfWork, type UnitOfWorkOptions } from './unit-of-work/prisma-unit-of-work';
export { PrismaUserRepository } from './users/prisma-user.repository';
export { PrismaRoleRepository } from './roles/prisma-role.repository';
export { PrismaProductRepository } from './products/prisma-product.repository';
export { PrismaOrderRepository } from './orders/prisma-order.repository';
export { PrismaAccountRepository } from './accounts/prisma-account.repository';
export {
  DatabaseUnavailableError,
  asInfrastructureError,
  isTransientFailure,
  isUnavailable,
} from './shared/database-error';
export { DEFAULT_RETRY_POLICY, transactionRetries, withTransientRetry, type RetryPolicy } from './shared/retry';
export type { PrismaDb } from './shared/prisma-db';
export * from './cache';
export { PrismaSessionRepository } from './sessions/prisma-session.repository';
