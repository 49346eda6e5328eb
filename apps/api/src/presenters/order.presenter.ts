import type { Order } from '@stratum/domain';
import type { z } from 'zod';
import type { OrderResponse } from '../schemas/order.schemas';

export function presentOrder(order: Order): z.infer<typeof OrderResponse> {
  return {
    id: order.id.value,
    customerId: order.customerId.value,
    status: order.status,
    items: order.items.map((item) => ({
      productId: item.productId.value,
      quantity: item.quantity,
      unitPrice: item.unitPrice.toDecimalString(),
    })),
    total: order.total.toDecimalString(),
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
