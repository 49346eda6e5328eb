import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Account } from '../accounts/account';
import { Order } from '../orders/order';
import { Product } from '../products/product';
import { User } from '../users/user';
import { ValidationError } from './common.errors';
import { Money } from './money';

// fromStored rebuilds entities from rows our own database returned without re-running the rules
// their writers ran; these tests pin what it must still get exactly right.
const at = new Date('2026-11-26T10:00:00.123Z');

describe('Money.fromStored', () => {
  it.each(['12.34', '0.05', '0.00', '-0.50', '999999999999.99', '12', '12.3'])(
    'reads %s exactly as Money.of does',
    (text) => {
      expect(Money.fromStored(text, 'USD').equals(Money.of(text, 'USD'))).toBe(true);
    },
  );

  it('still refuses a currency that is not a three-letter code', () => {
    expect(() => Money.fromStored('1.00', 'usd')).toThrow(ValidationError);
  });
});

describe('User.fromStored', () => {
  const row = {
    id: randomUUID(),
    email: 'ada@example.com',
    name: 'Ada',
    passwordHash: 'hash',
    status: 'ACTIVE' as const,
    preferences: { theme: { mode: 'dark' } } as unknown,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };

  it('gives the user the row holds, frozen down to its preferences', () => {
    const user = User.fromStored({ ...row, preferences: { theme: { mode: 'dark' } } });
    expect(user.id.value).toBe(row.id);
    expect(user.email.value).toBe('ada@example.com');
    expect(user.preferences).toEqual({ theme: { mode: 'dark' } });
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user.preferences.theme)).toBe(true);
  });

  it.each([[[]], [null], ['text']])('refuses preferences that are not a JSON object: %j', (preferences) => {
    expect(() => User.fromStored({ ...row, preferences })).toThrow(ValidationError);
  });

  it('validates every change made to it, as for any user', () => {
    const user = User.fromStored({ ...row, preferences: {} });
    expect(() => user.rename('   ')).toThrow(ValidationError);
  });
});

describe('Order.fromStored', () => {
  const [first, second] = [randomUUID(), randomUUID()].sort();
  const row = {
    id: randomUUID(),
    customerId: randomUUID(),
    status: 'PENDING' as const,
    currency: 'USD',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    items: [
      { productId: first!, quantity: 3, unitPrice: '0.10' },
      { productId: second!, quantity: 1, unitPrice: '0.20' },
    ],
  };

  it('computes the total exactly from the stored items', () => {
    const order = Order.fromStored(row);
    expect(order.total.toDecimalString()).toBe('0.50');
    expect(order.items.map((item) => item.productId.value)).toEqual([first, second]);
    expect(Object.isFrozen(order.items[0])).toBe(true);
  });

  it.each([[null], [[]]])('refuses an order row without items (%j) as corrupt', (items) => {
    expect(() => Order.fromStored({ ...row, items })).toThrow(ValidationError);
  });
});

describe('Product.fromStored and Account.fromStored', () => {
  it('read the price and the balance as exact decimals', () => {
    const product = Product.fromStored({
      id: randomUUID(),
      sku: 'SKU-1',
      name: 'Widget',
      description: '',
      price: '19.99',
      currency: 'EUR',
      stock: 3,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    expect(product.price.toJSON()).toEqual({ amount: '19.99', currency: 'EUR' });
    const account = Account.fromStored({
      id: randomUUID(),
      ownerId: randomUUID(),
      balance: '1000.01',
      currency: 'USD',
      createdAt: at,
      updatedAt: at,
    });
    expect(account.balance.amountMinor).toBe(100001n);
  });
});
