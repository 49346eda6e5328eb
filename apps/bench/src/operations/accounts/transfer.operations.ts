import { randomUUID } from 'node:crypto';
import { AccountId, Money } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import { transferWithDrizzle } from '../../drizzle/drizzle-writes';
import type { BenchFixtures } from '../../fixtures/bench-fixtures';
import { defineOperation, type BenchOperation } from '../../harness/bench-operation';
import type { Random } from '../../harness/random';
import type { TransferRequest } from './transfer-request';
import { transferInteractive, transferOneStatement } from './transfer.raw';
import { transferWithPrisma } from './transfer.prisma';

let transfers = 0;
const runStamp = Date.now().toString(36);

/**
 * Money between two random accounts, each call with a fresh idempotency key: every
 * implementation locks, checks funds and currency, honours the key and records the history.
 */
export function transferOperations(clients: BenchClients, fixtures: BenchFixtures): BenchOperation[] {
  const { stratum, prisma, raw, rawTx, drizzleDb } = clients;
  const request = (random: Random): TransferRequest => {
    const from = random.pick(fixtures.accounts);
    let to = random.pick(fixtures.accounts);
    while (to === from) to = random.pick(fixtures.accounts);
    const cents = 100 + random.below(900);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    return { from, to, amount, currency: 'USD', idempotencyKey: `bench:${runStamp}:${++transfers}` };
  };
  const viaRepository = (repositories: typeof stratum) => (r: TransferRequest) =>
    repositories.accounts.transfer({
      from: AccountId.of(r.from),
      to: AccountId.of(r.to),
      amount: Money.of(r.amount, r.currency),
      idempotencyKey: r.idempotencyKey,
    });
  return [
    defineOperation('transfer', 'transfer funds', request, {
      stratum: viaRepository(stratum),
      raw: (r) => transferOneStatement(raw, r),
      drizzle: (r) => transferWithDrizzle(drizzleDb, { ...r, id: randomUUID(), now: new Date() }),
      prisma: (r) => transferWithPrisma(prisma, r),
      'raw-tx': (r) => transferInteractive(rawTx, r),
    }),
  ];
}
