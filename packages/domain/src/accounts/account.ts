import { ValidationError } from '../shared/common.errors';
import { parseCurrency } from '../shared/currency';
import { Money, maxMinorForPrecision } from '../shared/money';
import { CurrencyMismatchError } from '../shared/money.errors';
import { requireDate } from '../shared/text';
import type { UserId } from '../users/user-id';
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

  private constructor(props: AccountProps) {
    if (props.balance.isNegative()) throw new ValidationError('balance', 'must not be negative');
    if (props.balance.amountMinor > MAX_BALANCE_MINOR) throw new ValidationError('balance', 'is too large');
    this.id = props.id;
    this.ownerId = props.ownerId;
    this.balance = props.balance;
    this.createdAt = requireDate(props.createdAt, 'createdAt');
    this.updatedAt = requireDate(props.updatedAt, 'updatedAt');
    Object.freeze(this);
  }

  static open(input: OpenAccountInput & { readonly now?: Date }): Account {
    const currency = parseCurrency(input.currency);
    const balance = input.initialBalance ?? Money.zero(currency);
    if (balance.currency !== currency) throw new CurrencyMismatchError(currency, balance.currency);
    if (balance.isNegative()) throw new ValidationError('initialBalance', 'must not be negative');
    const now = input.now ?? new Date();
    return new Account({
      id: AccountId.random(),
      ownerId: input.ownerId,
      balance,
      createdAt: now,
      updatedAt: now,
    });
  }

  static reconstitute(props: AccountProps): Account {
    return new Account(props);
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
    return new Account({
      id: this.id,
      ownerId: this.ownerId,
      balance,
      createdAt: this.createdAt,
      updatedAt: now,
    });
  }
}
