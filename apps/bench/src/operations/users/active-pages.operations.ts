import { CursorPageRequest, PageRequest, encodeCursor } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import { PAGE_SIZE, type BenchFixtures } from '../../fixtures/bench-fixtures';
import { defineOperation, type BenchOperation } from '../../harness/bench-operation';
import { rawRows } from '../raw-query';
import { ACTIVE_USERS_AFTER, ACTIVE_USERS_FIRST, ACTIVE_USERS_OFFSET } from './users.raw-sql';

const ACTIVE = { status: 'ACTIVE', deletedAt: null } as const;
const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/**
 * The active-users list four ways: by offset on page 1 and on the deep page, where the server
 * must walk past every earlier row, and by keyset on both, where it seeks straight to the
 * cursor. The plain Prisma keyset uses Prisma's own `cursor` option, as its docs suggest.
 */
export function activePageOperations(clients: BenchClients, fixtures: BenchFixtures): BenchOperation[] {
  const { stratum, prisma, raw, drizzle } = clients;
  const { page, offset, after } = fixtures.deepPage;
  const none = () => undefined;
  const cursor = after && encodeCursor(after);
  const offsetPage = (id: string, at: number) =>
    defineOperation(id, `active users, offset page ${at / PAGE_SIZE + 1}`, none, {
      stratum: () => stratum.users.findActivePage(PageRequest.of({ limit: PAGE_SIZE, offset: at })),
      raw: () => rawRows(raw, ACTIVE_USERS_OFFSET, [PAGE_SIZE, at]),
      drizzle: () => drizzle.activeOffset.execute({ limit: PAGE_SIZE, offset: at }),
      prisma: () =>
        prisma.user.findMany({ where: ACTIVE, orderBy: [...NEWEST_FIRST], skip: at, take: PAGE_SIZE }),
    });
  return [
    offsetPage('active-offset-first', 0),
    offsetPage('active-offset-deep', offset),
    defineOperation('active-keyset-first', 'active users, keyset page 1', none, {
      stratum: () => stratum.users.findActiveAfter(CursorPageRequest.first(PAGE_SIZE)),
      raw: () => rawRows(raw, ACTIVE_USERS_FIRST, [PAGE_SIZE + 1]),
      drizzle: () => drizzle.activeFirst.execute({ limit: PAGE_SIZE + 1 }),
      prisma: () => prisma.user.findMany({ where: ACTIVE, orderBy: [...NEWEST_FIRST], take: PAGE_SIZE + 1 }),
    }),
    defineOperation('active-keyset-deep', `active users, keyset page ${page}`, none, {
      stratum: () => stratum.users.findActiveAfter(CursorPageRequest.of({ limit: PAGE_SIZE, after: cursor })),
      raw: () =>
        after
          ? rawRows(raw, ACTIVE_USERS_AFTER, [after.createdAt, after.id, PAGE_SIZE + 1])
          : rawRows(raw, ACTIVE_USERS_FIRST, [PAGE_SIZE + 1]),
      drizzle: () =>
        after
          ? drizzle.activeAfter.execute({ createdAt: after.createdAt, id: after.id, limit: PAGE_SIZE + 1 })
          : drizzle.activeFirst.execute({ limit: PAGE_SIZE + 1 }),
      prisma: () =>
        prisma.user.findMany({
          where: ACTIVE,
          orderBy: [...NEWEST_FIRST],
          take: PAGE_SIZE + 1,
          ...(after ? { cursor: { id: after.id }, skip: 1 } : {}),
        }),
    }),
  ];
}
