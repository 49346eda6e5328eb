import { ValidationError } from './common.errors';
import { parseCurrency } from './currency';
import { CurrencyMismatchError } from './money.errors';

/**
 * An exact amount of one currency, held as a bigint of hundredths. Every currency is given two
 * fraction digits because that is what the NUMERIC(12,2)/(14,2) columns store; a float never
 * enters, so 0.1 + 0.2 is 0.30 here.
 */
const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;
const MINOR_PER_UNIT = 100n;

export class Money {
  private constructor(
    /** Hundredths of the currency unit: cents for USD. */
    readonly amountMinor: bigint,
    readonly currency: string,
  ) {}

  /** Parses '12', '12.3', '12.34' or '-0.50' exactly; more than two fraction digits is an error, not a rounding. */
  static of(amount: string, currency: string): Money {
    const match = typeof amount === 'string' ? DECIMAL_PATTERN.exec(amount) : null;
    if (!match) {
      throw new ValidationError('amount', 'must be a decimal string with at most two fraction digits');
    }
    const [, sign, units = '0', fraction = ''] = match;
    // Below 10^13 units the sum is an integer far under 2^53, so exact as a double, and one
    // BigInt of a number is cheaper than two of strings; beyond, strings all the way.
    const minor =
      units.length <= 13
        ? BigInt(Number(units) * 100 + Number(fraction.padEnd(2, '0')))
        : BigInt(units) * MINOR_PER_UNIT + BigInt(fraction.padEnd(2, '0'));
    return new Money(sign ? -minor : minor, parseCurrency(currency));
  }

  /**
   * A NUMERIC(p,2) column's text as PostgreSQL prints it, always with two fraction digits
   * ('12.30', '0.05'): the digits without the point are the minor units, one BigInt and no
   * pattern. Anything else takes `of`'s full parse, so this is never less exact. The currency
   * is still checked: only the accounts table has a CHECK on it.
   */
  static fromStored(decimal: string, currency: string): Money {
    const point = decimal.length - 3;
    if (point < 1 || decimal.charCodeAt(point) !== 46 /* . */) return Money.of(decimal, currency);
    const minor = BigInt(decimal.slice(0, point) + decimal.slice(point + 1));
    return new Money(minor, parseCurrency(currency));
  }

  static fromMinor(amountMinor: bigint, currency: string): Money {
    if (typeof amountMinor !== 'bigint') throw new ValidationError('amount', 'minor units must be a bigint');
    return new Money(amountMinor, parseCurrency(currency));
  }

  static zero(currency: string): Money {
    return Money.fromMinor(0n, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amountMinor + other.amountMinor, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amountMinor - other.amountMinor, this.currency);
  }

  /** Multiplies by a whole quantity; fractional factors would need a rounding policy we don't have. */
  multiply(quantity: number | bigint): Money {
    if (typeof quantity === 'number' && !Number.isSafeInteger(quantity)) {
      throw new ValidationError('quantity', 'must be a whole number');
    }
    return new Money(this.amountMinor * BigInt(quantity), this.currency);
  }

  /** -1, 0 or 1; throws CurrencyMismatchError across currencies rather than comparing apples to yen. */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    if (this.amountMinor === other.amountMinor) return 0;
    return this.amountMinor < other.amountMinor ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amountMinor === other.amountMinor;
  }

  isZero(): boolean {
    return this.amountMinor === 0n;
  }

  isPositive(): boolean {
    return this.amountMinor > 0n;
  }

  isNegative(): boolean {
    return this.amountMinor < 0n;
  }

  /** Always two fraction digits ('12.30', '-0.50'): the form NUMERIC(p,2) accepts and returns. */
  toDecimalString(): string {
    const negative = this.amountMinor < 0n;
    const magnitude = negative ? -this.amountMinor : this.amountMinor;
    const units = magnitude / MINOR_PER_UNIT;
    const fraction = (magnitude % MINOR_PER_UNIT).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${units}.${fraction}`;
  }

  toString(): string {
    return `${this.toDecimalString()} ${this.currency}`;
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.toDecimalString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
  }
}

/** Largest absolute amount, in minor units, that a NUMERIC(precision, 2) column can hold. */
export function maxMinorForPrecision(precision: number): bigint {
  return 10n ** BigInt(precision) - 1n;
}
