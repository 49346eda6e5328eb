import { ValidationError } from '../shared/common.errors';
import { parseCurrency } from '../shared/currency';
import { Money, maxMinorForPrecision } from '../shared/money';
import { CurrencyMismatchError } from '../shared/money.errors';
import { requireDate } from '../shared/text';
import { UserId } from '../users/user-id';
import { InsufficientFundsError } from './account.errors';
import { AccountId } from './account-id';

/** Balances live in NUMERIC(14,2). */
const MAX_BALANCE_MINOR = maxMinorForPrecision(14);

export interface AccountProps {
  readonly id: AccountId;
  readonly ownerId: UserId;
  readonly balance: Money;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An accounts row as our statements read it, the balance as NUMERIC text. */
export interface StoredAccount {
  readonly id: string;
  readonly ownerId: string;
  readonly balance: string;
  readonly currency: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface OpenAccountInput {
  readonly ownerId: UserId;
  readonly currency: string;
  /** Defaults to zero; must be in `currency` and not negative. */
  readonly initialBalance?: Money;
}

/** Immutable. The balance is never negative: `debit` refuses before it could be. */
export class Account {
  readonly id: AccountId;
  readonly ownerId: UserId;
  readonly balance: Money;
  readonly createdAt: Date;
  readonly updatedAt: Date;

  /** Takes fields already checked: by `validated` for input, or by the schema for a stored row. */
  private constructor(fields: AccountProps) {
    this.id = fields.id;
    this.ownerId = fields.ownerId;
    this.balance = fields.balance;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    Object.freeze(this);
  }

  private static validated(props: AccountProps): Account {
    if (props.balance.isNegative()) throw new ValidationError('balance', 'must not be negative');
    if (props.balance.amountMinor > MAX_BALANCE_MINOR) throw new ValidationError('balance', 'is too large');
    return new Account({
      id: props.id,
      ownerId: props.ownerId,
      balance: props.balance,
      createdAt: requireDate(props.createdAt, 'createdAt'),
      updatedAt: requireDate(props.updatedAt, 'updatedAt'),
    });
  }

  static open(input: OpenAccountInput & { readonly now?: Date }): Account {
    const currency = parseCurrency(input.currency);
    const balance = input.initialBalance ?? Money.zero(currency);
    if (balance.currency !== currency) throw new CurrencyMismatchError(currency, balance.currency);
    if (balance.isNegative()) throw new ValidationError('initialBalance', 'must not be negative');
    const now = input.now ?? new Date();
    return Account.validated({
      id: AccountId.random(),
      ownerId: input.ownerId,
      balance,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Rebuilds an account from props of unknown origin (a fake's store): validates every field. */
  static reconstitute(props: AccountProps): Account {
    return Account.validated(props);
  }

  /**
   * Rebuilds an account from a row our own database returned: its columns (uuid, NUMERIC(14,2))
   * and CHECKs (balance >= 0, a three-letter currency) hold every rule, so none is run again.
   */
  static fromStored(row: StoredAccount): Account {
    return new Account({
      id: AccountId.fromStored(row.id),
      ownerId: UserId.fromStored(row.ownerId),
      balance: Money.fromStored(row.balance, row.currency),
      // Fresh Date objects from the driver, owned by nobody else: no copy needed.
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }

  get currency(): string {
    return this.balance.currency;
  }

  /** @throws InsufficientFundsError when the balance would go negative. */
  debit(amount: Money, now: Date = new Date()): Account {
    this.assertCurrency(amount);
    if (this.balance.compare(amount) < 0) throw new InsufficientFundsError(this.id.value);
    return this.withBalance(this.balance.subtract(amount), now);
  }

  credit(amount: Money, now: Date = new Date()): Account {
    this.assertCurrency(amount);
    const balance = this.balance.add(amount);
    if (balance.amountMinor > MAX_BALANCE_MINOR) {
      throw new ValidationError('amount', 'would take the balance past the largest amount an account holds');
    }
    return this.withBalance(balance, now);
  }

  private assertCurrency(amount: Money): void {
    if (amount.currency !== this.currency) throw new CurrencyMismatchError(this.currency, amount.currency);
  }

  private withBalance(balance: Money, now: Date): Account {
    return Account.validated({
      id: this.id,
      ownerId: this.ownerId,
      balance,
      createdAt: this.createdAt,
      updatedAt: now,
    });
  }
}
