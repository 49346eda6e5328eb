import type { Account, AccountRepository } from '@stratum/domain';
import { assertMayActOn, type Principal } from '../shared/principal';

export interface OpenAccountInput {
  currency: string;
}

/** An empty account of the caller's own: money only ever arrives by transfer. */
export class OpenAccountUseCase {
  constructor(private readonly accounts: AccountRepository) {}

  async execute(principal: Principal, input: OpenAccountInput): Promise<Account> {
    assertMayActOn(principal, 'accounts:write', principal.userId.value);
    return this.accounts.open({ ownerId: principal.userId, currency: input.currency });
  }
}
