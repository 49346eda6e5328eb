import { AccountId, Money } from '@stratum/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaAccountRepository } from '../../src/accounts/prisma-account.repository';
import {
  captureQueries,
  explain,
  explainGeneric,
  nodesOf,
  onlyQueryOf,
  type CapturedQuery,
  type PlanNode,
} from '../support/query-capture';
import { useTestDatabase } from '../support/test-database';

// The transfer statement must lock its two accounts through the primary key and look the key up
// in its unique index, both in the custom plan of a first call and in the generic plan a named
// statement settles on after five, on tables large enough that a planner which could not use
// the indexes would scan them.
const ACCOUNTS = 10_000;
const handle = useTestDatabase({ emitQueryEvents: true });
let statement: CapturedQuery;

beforeAll(async () => {
  const prisma = handle.database.prisma;
  const capture = captureQueries(prisma);
  await handle.database.pool.query(`
    INSERT INTO users (email, name, password_hash) VALUES ('plan-owner@example.test', 'Owner', 'x');
    INSERT INTO accounts (owner_id, balance, currency)
      SELECT u.id, 100.00, 'USD' FROM users u CROSS JOIN generate_series(1, ${ACCOUNTS});
    INSERT INTO transfers (from_account_id, to_account_id, amount, currency, idempotency_key)
      SELECT a.id, b.id, 1.00, 'USD', 'plan-' || a.n
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts) a
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts) b ON b.n = a.n % ${ACCOUNTS} + 1;
  `);
  await handle.analyze('accounts', 'transfers');
  const { rows } = await handle.database.pool.query<{ id: string }>('SELECT id FROM accounts LIMIT 2');
  const [from, to] = rows.map((row) => AccountId.of(row.id));
  const accounts = new PrismaAccountRepository(prisma);
  statement = await onlyQueryOf(capture, () =>
    accounts.transfer({
      from: from!,
      to: to!,
      amount: Money.of('1.00', 'USD'),
      idempotencyKey: 'plan-check',
    }),
  );
});

/** The plan PostgreSQL would reuse for every call once the statement is prepared. */
function expectIndexedLocking(plan: PlanNode): void {
  const nodes = nodesOf(plan);
  expect(nodes.map((node) => node['Node Type'])).not.toContain('Seq Scan');
  const locking = nodes.filter((node) => node['Node Type'] === 'LockRows');
  expect(locking).toHaveLength(1);
  expect(nodesOf(locking[0]!).map((node) => node['Index Name'])).toContain('accounts_pkey');
  expect(nodes.map((node) => node['Index Name'])).toContain('transfers_idempotency_key_key');
}

describe(`the transfer statement's plan, among ${ACCOUNTS} accounts and as many transfers`, () => {
  it('binds each value once', () => {
    expect(statement.params).toHaveLength(7);
  });

  it('locks the accounts through the primary key in the plan of a first call', async () => {
    expectIndexedLocking(await explain(handle.database.pool, statement));
  });

  it('locks the accounts through the primary key in the generic plan', async () => {
    expectIndexedLocking(await explainGeneric(handle.database.pool, statement));
  });
});
