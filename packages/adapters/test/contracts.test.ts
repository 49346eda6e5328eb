import {
  accountRepositoryContract,
  orderRepositoryContract,
  productRepositoryContract,
  roleRepositoryContract,
  unitOfWorkContract,
  userRepositoryContract,
} from '@stratum/testing';
import { describeEachRoute, prismaSubject, useTestDatabase } from './support/test-database';

// The same suites that the in-memory fakes pass, here on PostgreSQL through Prisma: directly, and
// through PgBouncer in transaction mode (unnamed statements, no session state between calls).
describeEachRoute('the Prisma adapters', (route) => {
  const handle = useTestDatabase({ route });
  const subject = async () => prismaSubject(handle);

  userRepositoryContract('PrismaUserRepository', subject);
  roleRepositoryContract('PrismaRoleRepository', subject);
  productRepositoryContract('PrismaProductRepository', subject);
  orderRepositoryContract('PrismaOrderRepository', subject);
  accountRepositoryContract('PrismaAccountRepository', subject);
  unitOfWorkContract('PrismaUnitOfWork', subject);
});
