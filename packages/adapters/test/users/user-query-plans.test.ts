import { CursorPageRequest, Email, PageRequest, UserId, encodeCursor } from '@stratum/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaUserRepository } from '../../src/users/prisma-user.repository';
import { useTestDatabase } from '../support/test-database';
import {
  captureQueries,
  explain,
  nodesOf,
  onlyQueryOf,
  type PlanNode,
  type QueryCapture,
} from '../support/query-capture';

// The hot user queries must stay index scans as the table grows. Each test EXPLAINs the exact
// statement the repository sent, on a table large enough that a sequential scan would be cheaper
// for a planner that could not use the index.
const USERS = 20_000;
const handle = useTestDatabase({ emitQueryEvents: true });
let capture: QueryCapture;
let users: PrismaUserRepository;

beforeAll(async () => {
  const prisma = handle.database.prisma;
  capture = captureQueries(prisma);
  users = new PrismaUserRepository(prisma);
  // Every tenth user inactive and every 25th deleted, so the partial indexes' predicates matter.
  await prisma.$executeRaw`
    INSERT INTO users (email, name, password_hash, status, created_at, updated_at, deleted_at)
    SELECT 'plan-' || n || '@example.test', 'Plan User ' || n, 'hash',
      (CASE WHEN n % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END)::user_status,
      timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-01',
      CASE WHEN n % 25 = 0 THEN timestamptz '2026-06-01' END
    FROM generate_series(1, ${USERS}) AS n`;
  await handle.analyze('users');
});

async function planOf(run: () => Promise<unknown>): Promise<PlanNode> {
  return explain(handle.database.pool, await onlyQueryOf(capture, run));
}

function indexScans(plan: PlanNode): PlanNode[] {
  return nodesOf(plan).filter((node) => node['Index Name'] !== undefined);
}

function expectReadFromIndexInOrder(plan: PlanNode, index: string): void {
  expect(indexScans(plan).map((node) => node['Index Name'])).toEqual([index]);
  const kinds = nodesOf(plan).map((node) => node['Node Type']);
  expect(kinds).not.toContain('Seq Scan');
  expect(kinds.filter((kind) => kind.endsWith('Sort'))).toEqual([]);
}

describe('PrismaUserRepository query plans', () => {
  it('finds a user by email through the partial unique index users_email_active_key', async () => {
    const plan = await planOf(() => users.findByEmail(Email.of('plan-1234@example.test')));

    expect(indexScans(plan).map((node) => node['Index Name'])).toEqual(['users_email_active_key']);
    expect(nodesOf(plan).map((node) => node['Node Type'])).not.toContain('Seq Scan');
  });

  it('finds a user by id through the primary key', async () => {
    const plan = await planOf(() => users.findById(UserId.random()));

    expect(indexScans(plan).map((node) => node['Index Name'])).toEqual(['users_pkey']);
  });

  it('reads an offset page of active users in index order from users_active_created_idx', async () => {
    const plan = await planOf(() => users.findActivePage(PageRequest.of({ limit: 20, offset: 40 })));

    expectReadFromIndexInOrder(plan, 'users_active_created_idx');
  });

  it('reads the first cursor page of active users in index order from users_active_created_idx', async () => {
    const plan = await planOf(() => users.findActiveAfter(CursorPageRequest.first(20)));

    expectReadFromIndexInOrder(plan, 'users_active_created_idx');
  });

  it('continues a cursor page by seeking users_active_created_idx to the cursor, not by filtering', async () => {
    const deep = await users.findActivePage(PageRequest.of({ limit: 1, offset: USERS / 2 }));
    const position = { createdAt: deep[0]!.createdAt, id: deep[0]!.id.value };
    const after = CursorPageRequest.of({ limit: 20, after: encodeCursor(position) });

    const plan = await planOf(() => users.findActiveAfter(after));

    expectReadFromIndexInOrder(plan, 'users_active_created_idx');
    expect(indexScans(plan)[0]!['Index Cond']).toMatch(/created_at, id\) < /);
  });
});
