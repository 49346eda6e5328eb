import type { Repositories } from '@stratum/domain';
import { PrismaAccountRepository } from './accounts/prisma-account.repository';
import { PrismaOrderRepository } from './orders/prisma-order.repository';
import { PrismaProductRepository } from './products/prisma-product.repository';
import { PrismaRoleRepository } from './roles/prisma-role.repository';
import type { PrismaDb } from './shared/prisma-db';
import { PrismaUserRepository } from './users/prisma-user.repository';

/** Every repository on one client: the application's, or a unit of work's transaction. */
export function createPrismaRepositories(db: PrismaDb): Repositories {
  return {
    users: new PrismaUserRepository(db),
    roles: new PrismaRoleRepository(db),
    products: new PrismaProductRepository(db),
    orders: new PrismaOrderRepository(db),
    accounts: new PrismaAccountRepository(db),
  };
}
