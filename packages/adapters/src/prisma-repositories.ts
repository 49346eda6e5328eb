import type { Repositories } from '@stratum/domain';
import { PrismaAccountRepository } from './accounts/prisma-account.repository';
import { PrismaOrderRepository } from './orders/prisma-order.repository';
import { PrismaProductRepository, type ProductSearchOptions } from './products/prisma-product.repository';
import { PrismaRoleRepository } from './roles/prisma-role.repository';
import type { PrismaDb } from './shared/prisma-db';
import { RetryCounter } from './shared/retry';
import { PrismaUserRepository } from './users/prisma-user.repository';

export interface PrismaRepositoriesOptions {
  /**
   * Where pure reads go (findById, lists, search): a replica-routing client from
   * ReadRouter.client(session). Writes, and the reads that decide a write, stay on `db`.
   */
  reads?: PrismaDb;
  /** Where the repositories that retry count it; share it with the unit of work. By default a new one. */
  retries?: RetryCounter;
  /** How product search bounds the matches it ranks. */
  productSearch?: ProductSearchOptions;
}

/** Every repository on one client: the application's, or a unit of work's transaction. */
export function createPrismaRepositories(
  db: PrismaDb,
  options: PrismaRepositoriesOptions = {},
): Repositories {
  const reads = options.reads ?? db;
  const retries = options.retries ?? new RetryCounter();
  return {
    users: new PrismaUserRepository(db, reads),
    roles: new PrismaRoleRepository(db, reads),
    products: new PrismaProductRepository(db, reads, options.productSearch),
    orders: new PrismaOrderRepository(db, reads, retries),
    accounts: new PrismaAccountRepository(db, reads, retries),
  };
}
