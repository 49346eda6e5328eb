import { Order, type OrderItem, type OrderStatus, ProductId, UserId } from '@stratum/domain';
import { MoneyMother } from './money.mother';

export interface OrderOverrides {
  readonly customerId?: UserId;
  readonly items?: readonly OrderItem[];
  readonly status?: OrderStatus;
}

/** Orders as entities, for unit tests; repositories build theirs through placeOrder. */
export const OrderMother = {
  item(overrides: Partial<OrderItem> = {}): OrderItem {
    return {
      productId: overrides.productId ?? ProductId.random(),
      quantity: overrides.quantity ?? 1,
      unitPrice: overrides.unitPrice ?? MoneyMother.usd('10.00'),
    };
  },

  random(overrides: OrderOverrides = {}): Order {
    const order = Order.place({
      customerId: overrides.customerId ?? UserId.random(),
      items: overrides.items ?? [OrderMother.item(), OrderMother.item({ quantity: 2 })],
    });
    return overrides.status === undefined || overrides.status === 'PENDING'
      ? order
      : Order.reconstitute({ ...order.toProps(), status: overrides.status });
  },
};
