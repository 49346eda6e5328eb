import { Prisma, type PrismaClient } from '@stratum/prisma';
import { TransferRefusedError, type TransferRequest } from './transfer-request';

/**
 * The brief's transferFunds as a typical Prisma app writes it: an interactive transaction, the
 * idempotency key looked up, both accounts locked with FOR UPDATE through $queryRaw (Prisma has
 * no locking read), checked in JavaScript, then update, update, create. Five statements plus
 * BEGIN and COMMIT, each a round trip, while both rows stay locked.
 */
export function transferWithPrisma(prisma: PrismaClient, request: TransferRequest) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.transfer.findUnique({ where: { idempotencyKey: request.idempotencyKey } });
    if (existing) throw new TransferRefusedError('key_taken');
    const accounts = await tx.$queryRaw<Array<{ id: string; balance: Prisma.Decimal; currency: string }>>`
      SELECT id, balance, currency FROM accounts
      WHERE id IN (${request.from}::uuid, ${request.to}::uuid) ORDER BY id FOR UPDATE`;
    const from = accounts.find((account) => account.id === request.from);
    if (accounts.length < 2 || !from) throw new TransferRefusedError('missing');
    if (accounts.some((account) => account.currency !== request.currency))
      throw new TransferRefusedError('currency');
    if (new Prisma.Decimal(from.balance).lessThan(request.amount))
      throw new TransferRefusedError('insufficient');
    await tx.account.update({
      where: { id: request.from },
      data: { balance: { decrement: request.amount } },
    });
    await tx.account.update({ where: { id: request.to }, data: { balance: { increment: request.amount } } });
    return tx.transfer.create({
      data: {
        fromAccountId: request.from,
        toAccountId: request.to,
        amount: request.amount,
        currency: request.currency,
        idempotencyKey: request.idempotencyKey,
      },
    });
  });
}
