import { MAX_ORDER_LINES, MAX_QUANTITY, ORDER_STATUSES } from '@stratum/domain';
import { z } from 'zod';
import { CursorQuery, Timestamp, Uuid, cursorPageOf } from './common.schemas';

const Status = z.enum(ORDER_STATUSES);

export const PlaceOrderBody = z.strictObject({
  /** Defaults to the caller; another customer needs orders:write:any. */
  customerId: Uuid.optional(),
  lines: z
    .array(z.strictObject({ productId: Uuid, quantity: z.number().int().min(1).max(MAX_QUANTITY) }))
    .min(1)
    .max(MAX_ORDER_LINES),
});

export const ListOrdersQuery = CursorQuery.extend({
  /** Defaults to the caller; another customer needs orders:read:any. */
  customerId: Uuid.optional(),
  status: Status.optional(),
});

export const ChangeOrderStatusBody = z.strictObject({ status: Status });

export const OrderResponse = z
  .object({
    id: Uuid,
    customerId: Uuid,
    status: Status,
    items: z.array(z.object({ productId: Uuid, quantity: z.number().int(), unitPrice: z.string() })),
    total: z.string(),
    currency: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Order' });

export const OrderPageResponse = cursorPageOf(OrderResponse);
