import type { Account, Transfer } from '@stratum/domain';
import type { z } from 'zod';
import type { AccountResponse, TransferResponse } from '../schemas/account.schemas';

export function presentAccount(account: Account): z.infer<typeof AccountResponse> {
  return {
    id: account.id.value,
    ownerId: account.ownerId.value,
    balance: account.balance.toDecimalString(),
    currency: account.currency,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

/** The idempotency key is left out: it is the sender's, and history also shows incoming transfers. */
export function presentTransfer(transfer: Transfer): z.infer<typeof TransferResponse> {
  return {
    id: transfer.id.value,
    fromAccountId: transfer.fromAccountId.value,
    toAccountId: transfer.toAccountId.value,
    amount: transfer.amount.toDecimalString(),
    currency: transfer.amount.currency,
    createdAt: transfer.createdAt.toISOString(),
  };
}
