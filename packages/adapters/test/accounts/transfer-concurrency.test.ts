import {
  AccountId,
  InsufficientFundsError,
  Money,
  UserId,
  type Account,
  type Transfer,
} from '@stratum/domain';
import { beforeAll, expect, it } from 'vitest';
import { PrismaAccountRepository } from '../../src/accounts/prisma-account.repository';
import { describeEachRoute, useTestDatabase } from '../support/test-database';

const WORKERS = 32;
const ACCOUNTS = 20;
const DURATION_MS = Number(process.env.STRATUM_CONCURRENCY_MS ?? 4_000);
const OPENING_BALANCE = Money.of('1000.00', 'EUR');

describeEachRoute('transfers under concurrency, on PostgreSQL', (route) => {
  const handle = useTestDatabase({ poolMax: 16, route });
  let accounts: PrismaAccountRepository;
  let opened: Account[];

  beforeAll(async () => {
    const { prisma } = handle.database;
    accounts = new PrismaAccountRepository(prisma);
    const owner = UserId.random();
    await prisma.$executeRaw`
      INSERT INTO users (id, email, name, password_hash)
      VALUES (${owner.value}::uuid, ${`owner-${owner.value}@example.com`}, 'Owner', 'x')`;
    opened = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      opened.push(await accounts.open({ ownerId: owner, currency: 'EUR', initialBalance: OPENING_BALANCE }));
    }
  });

  it(`keeps the total exact, no balance negative, and every success recorded once, with ${WORKERS} workers`, async () => {
    const succeeded: Transfer[] = [];
    const refused = { funds: 0 };
    const deadline = Date.now() + DURATION_MS;
    const pick = () => opened[Math.floor(Math.random() * opened.length)]!.id;

    async function worker(n: number): Promise<void> {
      for (let i = 0; Date.now() < deadline; i++) {
        const from = pick();
        let to = pick();
        while (to.equals(from)) to = pick();
        // Amounts up to 400.00 drain accounts often, so the funds check is exercised under load.
        const amount = Money.fromMinor(BigInt(1 + Math.floor(Math.random() * 40_000)), 'EUR');
        try {
          succeeded.push(await accounts.transfer({ from, to, amount, idempotencyKey: `w${n}-${i}` }));
        } catch (error) {
          if (!(error instanceof InsufficientFundsError)) throw error;
          refused.funds++;
        }
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n)));

    const balances = await handle.database.prisma.$queryRaw<Array<{ id: string; balance: string }>>`
      SELECT id, balance::text AS balance FROM accounts`;
    const total = balances.reduce((sum, row) => sum + Money.of(row.balance, 'EUR').amountMinor, 0n);
    expect(total).toBe(OPENING_BALANCE.amountMinor * BigInt(ACCOUNTS));
    expect(balances.every((row) => !row.balance.startsWith('-'))).toBe(true);

    const stored = await handle.database.prisma.$queryRaw<Array<{ id: string }>>`SELECT id FROM transfers`;
    expect(stored.map((row) => row.id).sort()).toEqual(succeeded.map((t) => t.id.value).sort());
    // Each account's balance is its opening balance plus what came in minus what went out.
    for (const row of balances) {
      const id = AccountId.of(row.id);
      const net = succeeded.reduce(
        (sum, t) =>
          sum +
          (t.toAccountId.equals(id) ? t.amount.amountMinor : 0n) -
          (t.fromAccountId.equals(id) ? t.amount.amountMinor : 0n),
        0n,
      );
      expect(Money.of(row.balance, 'EUR').amountMinor).toBe(OPENING_BALANCE.amountMinor + net);
    }
    expect(succeeded.length).toBeGreaterThan(WORKERS);
    expect(refused.funds).toBeGreaterThan(0);
    console.log(
      `[transfers ${route}] ${succeeded.length} moved, ${refused.funds} refused for funds in ${DURATION_MS} ms ` +
        `(${Math.round((succeeded.length + refused.funds) / (DURATION_MS / 1000))}/s with ${WORKERS} workers)`,
    );
  });
});
