import { Email, PageRequest, UserId } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import type { BenchFixtures } from '../../fixtures/bench-fixtures';
import { PAGE_SIZE } from '../../fixtures/bench-fixtures';
import { defineOperation, readAll, type BenchOperation } from '../../harness/bench-operation';
import { rawRows } from '../raw-query';
import { USER_BY_EMAIL, USER_BY_ID, USER_SEARCH, containing } from './users.raw-sql';

/** Lookups of one user, and a search by criteria (a last name among active users). */
export function userLookupOperations(clients: BenchClients, fixtures: BenchFixtures): BenchOperation[] {
  const { stratum, prisma, raw, drizzle } = clients;
  const pickUser = (random: { pick<T>(items: readonly T[]): T }) => random.pick(fixtures.users);
  const operations = [
    defineOperation('user-by-id', 'user by id', pickUser, {
      stratum: (user) => stratum.users.findById(UserId.of(user.id)),
      raw: (user) => rawRows(raw, USER_BY_ID, [user.id]),
      drizzle: (user) => drizzle.userById.execute({ id: user.id }),
      // What most apps write; deletedAt is checked after the fact because findUnique takes the key.
      prisma: async (user) => {
        const row = await prisma.user.findUnique({ where: { id: user.id } });
        return row?.deletedAt === null ? row : null;
      },
    }),
    defineOperation('user-by-email', 'user by email', pickUser, {
      stratum: (user) => stratum.users.findByEmail(Email.of(user.email)),
      raw: (user) => rawRows(raw, USER_BY_EMAIL, [user.email]),
      drizzle: (user) => drizzle.userByEmail.execute({ email: user.email.toLowerCase() }),
      prisma: (user) =>
        prisma.user.findFirst({ where: { email: user.email.toLowerCase(), deletedAt: null } }),
    }),
    defineOperation('user-search', 'user search: name contains + ACTIVE', pickUser, {
      stratum: (user) =>
        stratum.users.search({ nameContains: user.lastName, status: 'ACTIVE' }, PageRequest.first(PAGE_SIZE)),
      raw: (user) => rawRows(raw, USER_SEARCH, [containing(user.lastName), 'ACTIVE', PAGE_SIZE, 0]),
      drizzle: (user) => drizzle.userSearch.execute({ pattern: containing(user.lastName), limit: PAGE_SIZE }),
      prisma: (user) =>
        prisma.user.findMany({
          where: {
            name: { contains: user.lastName, mode: 'insensitive' },
            status: 'ACTIVE',
            deletedAt: null,
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: PAGE_SIZE,
        }),
    }),
  ];
  const { cached } = clients;
  if (cached) {
    // Against the same baselines as the uncached lookup: the point is what the cache adds over the database.
    operations.splice(1, 0, {
      ...defineOperation('user-by-id-cached', 'user by id, Redis cache', pickUser, {
        stratum: (user) => cached.users.findById(UserId.of(user.id)),
        raw: (user) => rawRows(raw, USER_BY_ID, [user.id]),
        drizzle: (user) => drizzle.userById.execute({ id: user.id }),
        prisma: (user) => prisma.user.findUnique({ where: { id: user.id } }),
      }),
      cacheReads: () => cached.reads(),
      warm: () => readAll(fixtures.users, (user) => cached.users.findById(UserId.of(user.id))),
    });
  }
  return operations;
}
