import type { CursorPage, CursorPageRequest } from '../shared/pagination';
import type { Account, OpenAccountInput } from './account';
import type { AccountId } from './account-id';
import type { Transfer, TransferCommand } from './transfer';

export interface AccountRepository {
  /**
   * @throws NotFoundError('User', id) for an unknown or deleted owner.
   * @throws CurrencyMismatchError when initialBalance is not in `currency`.
   * @throws ValidationError for a bad currency code or a negative initial balance.
   */
  open(input: OpenAccountInput): Promise<Account>;
  findById(id: AccountId): Promise<Account | null>;
  /**
   * Moves money atomically and records the transfer. Checks run in this order: the command
   * itself (Transfer.create), the idempotency key, the accounts' existence, currencies, funds.
   * A retry with a used key and the same from/to/amount returns the first transfer and moves
   * nothing, even if the funds have since run out.
   * @throws ValidationError when from equals to, amount is not positive, or the key is empty or too long.
   * @throws IdempotencyKeyReusedError when the key was used for a different from/to/amount.
   * @throws NotFoundError('Account', id) for an unknown account.
   * @throws CurrencyMismatchError when the amount's currency is not both accounts' currency.
   * @throws InsufficientFundsError (accountId = from) when the balance would go negative.
   */
  transfer(command: TransferCommand): Promise<Transfer>;
  /**
   * Transfers into and out of the account, newest first (createdAt desc, id desc).
   * @throws NotFoundError('Account', id) for an unknown account.
   */
  history(accountId: AccountId, page: CursorPageRequest): Promise<CursorPage<Transfer>>;
}
