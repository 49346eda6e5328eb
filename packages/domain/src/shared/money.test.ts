import { describe, expect, it } from 'vitest';
import { ValidationError } from './common.errors';
import { Money } from './money';
import { CurrencyMismatchError } from './money.errors';

describe('Money', () => {
  it.each([
    ['12.34', 1234n],
    ['12.3', 1230n],
    ['12', 1200n],
    ['0.01', 1n],
    ['-0.50', -50n],
    ['007.10', 710n],
    ['99999999999999999999.99', 9999999999999999999999n],
  ])('parses %s exactly into %s minor units', (text, minor) => {
    expect(Money.of(text, 'USD').amountMinor).toBe(minor);
  });

  it.each(['12.345', '1e3', '.5', '5.', ' 1.00', '1.00 ', '+1', '1,00', '', 'NaN', '--1', '0x10'])(
    'refuses %j rather than rounding or guessing',
    (text) => {
      expect(() => Money.of(text, 'USD')).toThrow(ValidationError);
    },
  );

  it.each(['usd', 'US', 'USDX', 'U5D', ''])('refuses the currency code %j', (currency) => {
    const error = (() => {
      try {
        Money.of('1.00', currency);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('currency');
  });

  it.each([
    [1234n, '12.34'],
    [1230n, '12.30'],
    [5n, '0.05'],
    [0n, '0.00'],
    [-50n, '-0.50'],
    [-1234n, '-12.34'],
  ])('writes %s minor units as %s', (minor, text) => {
    expect(Money.fromMinor(minor, 'EUR').toDecimalString()).toBe(text);
  });

  it('round-trips through its decimal string', () => {
    for (const text of ['0.00', '0.01', '-0.99', '123456789012.34']) {
      expect(Money.of(Money.of(text, 'USD').toDecimalString(), 'USD').toDecimalString()).toBe(text);
    }
  });

  it('adds and subtracts without floating-point drift', () => {
    const sum = Money.of('0.10', 'USD').add(Money.of('0.20', 'USD'));
    expect(sum.toDecimalString()).toBe('0.30');
    expect(sum.subtract(Money.of('0.31', 'USD')).toDecimalString()).toBe('-0.01');
  });

  it('multiplies by whole quantities only', () => {
    expect(Money.of('19.99', 'USD').multiply(3).toDecimalString()).toBe('59.97');
    expect(Money.of('19.99', 'USD').multiply(3n).toDecimalString()).toBe('59.97');
    expect(() => Money.of('1.00', 'USD').multiply(1.5)).toThrow(ValidationError);
  });

  it('compares amounts of one currency', () => {
    const one = Money.of('1.00', 'USD');
    expect(one.compare(Money.of('2.00', 'USD'))).toBe(-1);
    expect(one.compare(Money.of('1', 'USD'))).toBe(0);
    expect(one.compare(Money.of('0.99', 'USD'))).toBe(1);
  });

  it('refuses arithmetic and comparison across currencies with CurrencyMismatchError', () => {
    const dollars = Money.of('1.00', 'USD');
    const euros = Money.of('1.00', 'EUR');
    for (const operation of [
      () => dollars.add(euros),
      () => dollars.subtract(euros),
      () => dollars.compare(euros),
    ]) {
      expect(operation).toThrow(CurrencyMismatchError);
    }
    try {
      dollars.add(euros);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CURRENCY_MISMATCH', expected: 'USD', actual: 'EUR' });
    }
  });

  it('is equal only with the same amount and currency', () => {
    expect(Money.of('1.00', 'USD').equals(Money.of('1', 'USD'))).toBe(true);
    expect(Money.of('1.00', 'USD').equals(Money.of('1.00', 'EUR'))).toBe(false);
  });

  it('knows its sign', () => {
    expect(Money.zero('USD').isZero()).toBe(true);
    expect(Money.of('0.01', 'USD').isPositive()).toBe(true);
    expect(Money.of('-0.01', 'USD').isNegative()).toBe(true);
  });

  it('serialises as a decimal string and a currency', () => {
    expect(JSON.stringify({ price: Money.of('5', 'GBP') })).toBe(
      '{"price":{"amount":"5.00","currency":"GBP"}}',
    );
    expect(String(Money.of('5', 'GBP'))).toBe('5.00 GBP');
  });
});
