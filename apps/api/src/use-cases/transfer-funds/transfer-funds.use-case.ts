import { AccountId, Money, type AccountRepository, type Transfer } from '@stratum/domain';
import { findReachable } from '../shared/find-reachable';
import type { Principal } from '../shared/principal';

export interface TransferFundsInput {
  fromAccountId: string;
  toAccountId: string;
  amount: string;
  currency: string;
  /** Chosen by the client; a retry with the same key returns the first transfer. */
  idempotencyKey: string;
}

/** Moves money out of an account the caller may write, exactly once per idempotency key. */
export class TransferFundsUseCase {
  constructor(private readonly accounts: AccountRepository) {}

  async execute(principal: Principal, input: TransferFundsInput): Promise<Transfer> {
    const from = await findReachable(
      principal,
      { entity: 'Account', id: input.fromAccountId, action: 'accounts:write' },
      this.accounts.findById(AccountId.of(input.fromAccountId)),
      (account) => account.ownerId.value,
    );
    return this.accounts.transfer({
      from: from.id,
      to: AccountId.of(input.toAccountId),
      amount: Money.of(input.amount, input.currency),
      // Scoped to the caller: two clients picking the same key never see each other's transfer.
      idempotencyKey: `${principal.userId.value}:${input.idempotencyKey}`,
    });
  }
}
