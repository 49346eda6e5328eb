import { Money } from '@stratum/domain';

export const MoneyMother = {
  usd(amount: string): Money {
    return Money.of(amount, 'USD');
  },

  eur(amount: string): Money {
    return Money.of(amount, 'EUR');
  },

  /** A price from 1.00 to 999.99 USD. */
  randomPrice(currency = 'USD'): Money {
    return Money.fromMinor(BigInt(100 + Math.floor(Math.random() * 99_900)), currency);
  },
};
