import { describe, expect, it } from 'vitest';
import { ProductId } from '../products/product-id';
import { InvalidStateTransitionError, ValidationError } from '../shared/common.errors';
import { Money } from '../shared/money';
import { CurrencyMismatchError } from '../shared/money.errors';
import type { OrderItem } from './order-item';
import { UserId } from '../users/user-id';
import { Order } from './order';
import { normalizeOrderLines } from './order-line';

// Small local builders: the domain's tests may not depend on @stratum/testing, which depends on it.
function anItem(overrides: Partial<OrderItem> = {}): OrderItem {
  return { productId: ProductId.random(), quantity: 1, unitPrice: Money.of('10.00', 'USD'), ...overrides };
}

function anOrder(overrides: { items?: readonly OrderItem[] } = {}): Order {
  return Order.place({
    customerId: UserId.random(),
    items: overrides.items ?? [anItem(), anItem({ quantity: 2 })],
  });
}

describe('Order', () => {
  it('is placed as PENDING with its total computed from the items', () => {
    const order = Order.place({
      customerId: UserId.random(),
      items: [
        anItem({ quantity: 3, unitPrice: Money.of('2.50', 'USD') }),
        anItem({ quantity: 1, unitPrice: Money.of('0.99', 'USD') }),
      ],
    });

    expect(order.status).toBe('PENDING');
    expect(order.total.toDecimalString()).toBe('8.49');
    expect(order.currency).toBe('USD');
  });

  it('merges lines for the same product and sorts items by product id', () => {
    const a = ProductId.of('ffffffff-0000-4000-8000-000000000000');
    const b = ProductId.of('00000000-0000-4000-8000-000000000000');
    const price = Money.of('1.00', 'USD');

    const order = anOrder({
      items: [
        anItem({ productId: a, quantity: 1, unitPrice: price }),
        anItem({ productId: b, quantity: 2, unitPrice: price }),
        anItem({ productId: a, quantity: 4, unitPrice: price }),
      ],
    });

    expect(order.items.map((item) => [item.productId.value, item.quantity])).toEqual([
      [b.value, 2],
      [a.value, 5],
    ]);
    expect(order.total.toDecimalString()).toBe('7.00');
  });

  it('refuses two prices for one product', () => {
    const productId = ProductId.random();
    expect(() =>
      anOrder({
        items: [
          anItem({ productId, unitPrice: Money.of('1.00', 'USD') }),
          anItem({ productId, unitPrice: Money.of('2.00', 'USD') }),
        ],
      }),
    ).toThrow(ValidationError);
  });

  it('refuses no items, bad quantities and mixed currencies', () => {
    expect(() => anOrder({ items: [] })).toThrow(ValidationError);
    for (const quantity of [0, -1, 2.5, 1_000_001]) {
      expect(() => anOrder({ items: [anItem({ quantity })] })).toThrow(ValidationError);
    }
    expect(() =>
      anOrder({
        items: [anItem({ unitPrice: Money.of('1', 'USD') }), anItem({ unitPrice: Money.of('1', 'EUR') })],
      }),
    ).toThrow(CurrencyMismatchError);
  });

  it('refuses a total too large for NUMERIC(14,2)', () => {
    const item = anItem({ quantity: 1_000_000, unitPrice: Money.of('9999999999.99', 'USD') });
    expect(() => anOrder({ items: [item] })).toThrow(ValidationError);
  });

  it('moves along allowed transitions as new copies', () => {
    const order = anOrder();
    const later = new Date(order.createdAt.getTime() + 1000);

    const confirmed = order.transitionTo('CONFIRMED', later);

    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.updatedAt).toEqual(later);
    expect(order.status).toBe('PENDING');
    expect(() => confirmed.transitionTo('DELIVERED')).toThrow(InvalidStateTransitionError);
  });
});

describe('normalizeOrderLines', () => {
  it('merges duplicates and orders lines by product id, the order adapters lock rows in', () => {
    const a = ProductId.of('bbbbbbbb-0000-4000-8000-000000000000');
    const b = ProductId.of('aaaaaaaa-0000-4000-8000-000000000000');
    expect(
      normalizeOrderLines([
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
      ]).map((line) => [line.productId.value, line.quantity]),
    ).toEqual([
      [b.value, 1],
      [a.value, 3],
    ]);
  });

  it('refuses no lines, and merged quantities over the maximum', () => {
    const productId = ProductId.random();
    expect(() => normalizeOrderLines([])).toThrow(ValidationError);
    expect(() =>
      normalizeOrderLines([
        { productId, quantity: 600_000 },
        { productId, quantity: 600_000 },
      ]),
    ).toThrow(ValidationError);
  });
});
