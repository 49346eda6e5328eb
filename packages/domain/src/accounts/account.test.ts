import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { Money } from '../shared/money';
import { CurrencyMismatchError } from '../shared/money.errors';
import { UserId } from '../users/user-id';
import { Account } from './account';
import { InsufficientFundsError } from './account.errors';

const usd = (amount: string) => Money.of(amount, 'USD');

describe('Account', () => {
  it('opens with a zero balance in its currency unless given one', () => {
    expect(
      Account.open({ ownerId: UserId.random(), currency: 'USD' }).balance.equals(Money.zero('USD')),
    ).toBe(true);
    expect(
      Account.open({
        ownerId: UserId.random(),
        currency: 'USD',
        initialBalance: usd('5'),
      }).balance.toDecimalString(),
    ).toBe('5.00');
  });

  it('refuses a bad currency, a foreign initial balance and a negative one', () => {
    const ownerId = UserId.random();
    expect(() => Account.open({ ownerId, currency: 'usd' })).toThrow(ValidationError);
    expect(() => Account.open({ ownerId, currency: 'USD', initialBalance: Money.of('1', 'EUR') })).toThrow(
      CurrencyMismatchError,
    );
    expect(() => Account.open({ ownerId, currency: 'USD', initialBalance: usd('-1') })).toThrow(
      ValidationError,
    );
  });

  it('debits down to zero but never below', () => {
    const account = Account.open({ ownerId: UserId.random(), currency: 'USD', initialBalance: usd('10') });
    expect(account.debit(usd('10')).balance.isZero()).toBe(true);
    try {
      account.debit(usd('10.01'));
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(InsufficientFundsError);
      expect(error).toMatchObject({ accountId: account.id.value });
    }
  });

  it('credits, refusing other currencies and balances past NUMERIC(14,2)', () => {
    const account = Account.open({ ownerId: UserId.random(), currency: 'USD' });
    expect(account.credit(usd('2.50')).balance.toDecimalString()).toBe('2.50');
    expect(() => account.credit(Money.of('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => account.credit(usd('1000000000000.00'))).toThrow(ValidationError);
  });
});
