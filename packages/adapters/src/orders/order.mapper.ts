import { Money, Order, OrderId, ProductId, UserId, parseOrderStatus } from '@stratum/domain';

/** An orders row with its items folded in as JSON (see order-read.sql.ts). */
export interface OrderRow {
  readonly id: string;
  readonly customerId: string;
  readonly status: string;
  readonly currency: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
  /** Null only for an order without items, which the entity then refuses as corrupt. */
  readonly items: ReadonlyArray<{ productId: string; quantity: number; unitPrice: string }> | null;
}

export function toDomainOrder(row: OrderRow): Order {
  return Order.reconstitute({
    id: OrderId.of(row.id),
    customerId: UserId.of(row.customerId),
    status: parseOrderStatus(row.status),
    items: (row.items ?? []).map((item) => ({
      productId: ProductId.of(item.productId),
      quantity: item.quantity,
      // The item prices share the order's currency: placeOrder refuses mixed ones.
      unitPrice: Money.of(item.unitPrice, row.currency),
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  });
}
