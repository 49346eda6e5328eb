import {
  accountRepositoryContract,
  orderRepositoryContract,
  productRepositoryContract,
  roleRepositoryContract,
  unitOfWorkContract,
  userRepositoryContract,
} from '@stratum/testing';
import { prismaSubject, useTestDatabase } from './support/test-database';

// The same suites that the in-memory fakes pass, here on PostgreSQL through Prisma.
const handle = useTestDatabase();
const subject = async () => prismaSubject(handle);

userRepositoryContract('PrismaUserRepository', subject);
roleRepositoryContract('PrismaRoleRepository', subject);
productRepositoryContract('PrismaProductRepository', subject);
orderRepositoryContract('PrismaOrderRepository', subject);
accountRepositoryContract('PrismaAccountRepository', subject);
unitOfWorkContract('PrismaUnitOfWork', subject);
