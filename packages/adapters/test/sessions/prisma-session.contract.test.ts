import { sessionRepositoryContract } from '@stratum/testing';
import { describeEachRoute, prismaSubject, useTestDatabase } from '../support/test-database';
import { PrismaSessionRepository } from '../../src/sessions/prisma-session.repository';

// The suite the in-memory fake passes, here on PostgreSQL, directly and through PgBouncer.
describeEachRoute('sessions', (route) => {
  const handle = useTestDatabase({ route });

  sessionRepositoryContract('PrismaSessionRepository', async () => ({
    ...prismaSubject(handle),
    sessions: new PrismaSessionRepository(handle.database.prisma),
  }));
});
