import { sessionRepositoryContract } from '@stratum/testing';
import { prismaSubject, useTestDatabase } from '../support/test-database';
import { PrismaSessionRepository } from '../../src/sessions/prisma-session.repository';

// The suite the in-memory fake passes, here on PostgreSQL.
const handle = useTestDatabase();

sessionRepositoryContract('PrismaSessionRepository', async () => ({
  ...prismaSubject(handle),
  sessions: new PrismaSessionRepository(handle.database.prisma),
}));
