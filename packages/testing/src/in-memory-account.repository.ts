import {
  Account,
  type AccountId,
  type AccountRepository,
  CurrencyMismatchError,
  type CursorPage,
  type CursorPageRequest,
  IdempotencyKeyReusedError,
  NotFoundError,
  type OpenAccountInput,
  Transfer,
  type TransferCommand,
} from '@stratum/domain';
import { InMemoryRepository, byCreatedAtAndId, cursorPage, newestFirst } from './in-memory-repository.base';

export class InMemoryAccountRepository extends InMemoryRepository implements AccountRepository {
  open(input: OpenAccountInput): Promise<Account> {
    return this.atomically(() => {
      const account = Account.open(input);
      const owner = this.store.users.get(input.ownerId.value);
      if (!owner || owner.isDeleted) throw new NotFoundError('User', input.ownerId.value);
      this.store.accounts.set(account.id.value, account);
      return account;
    });
  }

  findById(id: AccountId): Promise<Account | null> {
    return this.atomically(() => this.store.accounts.get(id.value) ?? null);
  }

  transfer(command: TransferCommand): Promise<Transfer> {
    return this.atomically(() => {
      const now = new Date();
      const transfer = Transfer.create(command, now);
      const earlier = [...this.store.transfers.values()].find(
        (candidate) => candidate.idempotencyKey === command.idempotencyKey,
      );
      if (earlier) {
        if (earlier.isRetryOf(command)) return earlier;
        throw new IdempotencyKeyReusedError(command.idempotencyKey);
      }
      const from = this.require(command.from);
      const to = this.require(command.to);
      for (const account of [from, to]) {
        if (account.currency !== command.amount.currency) {
          throw new CurrencyMismatchError(account.currency, command.amount.currency);
        }
      }
      const debited = from.debit(command.amount, now);
      const credited = to.credit(command.amount, now);

      this.store.accounts.set(debited.id.value, debited);
      this.store.accounts.set(credited.id.value, credited);
      this.store.transfers.set(transfer.id.value, transfer);
      return transfer;
    });
  }

  history(accountId: AccountId, page: CursorPageRequest): Promise<CursorPage<Transfer>> {
    return this.atomically(() => {
      this.require(accountId);
      const involved = [...this.store.transfers.values()].filter(
        (transfer) => transfer.fromAccountId.equals(accountId) || transfer.toAccountId.equals(accountId),
      );
      return cursorPage(newestFirst(involved, byCreatedAtAndId), page, byCreatedAtAndId);
    });
  }

  private require(id: AccountId): Account {
    const account = this.store.accounts.get(id.value);
    if (!account) throw new NotFoundError('Account', id.value);
    return account;
  }
}
