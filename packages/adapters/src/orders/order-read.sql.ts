/**
 * Reads of orders with their items in one query: the items arrive as a JSON array per order
 * (prices as text, so no float ever touches them), so a page costs one round trip whatever
 * its size.
 */
import type { CursorPosition, OrderId, OrderStatus, UserId } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';

const ORDER_COLUMNS = Prisma.sql`
  o.id, o.customer_id AS "customerId", o.status, o.currency,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.deleted_at AS "deletedAt",
  (SELECT json_agg(json_build_object(
            'productId', i.product_id, 'quantity', i.quantity, 'unitPrice', i.unit_price::text
          ) ORDER BY i.product_id)
   FROM order_items i
   WHERE i.order_id = o.id) AS items`;

export function findOrderByIdSql(id: OrderId): Prisma.Sql {
  return Prisma.sql`
    SELECT ${ORDER_COLUMNS}
    FROM orders o
    WHERE o.id = ${id.value}::uuid AND o.deleted_at IS NULL`;
}

export interface CustomerOrdersQuery {
  readonly customerId: UserId;
  readonly status: OrderStatus | undefined;
  readonly after: CursorPosition | null;
  /** Rows to fetch: the page size plus one, to learn whether another page follows. */
  readonly take: number;
}

/**
 * Newest first by keyset. Every predicate matches a partial index on (customer_id[, status],
 * created_at DESC ...) WHERE deleted_at IS NULL, so the scan starts at the cursor and stops
 * after `take` rows; the row comparison is what lets it start there.
 */
export function findOrdersByCustomerSql({
  customerId,
  status,
  after,
  take,
}: CustomerOrdersQuery): Prisma.Sql {
  const byStatus = status === undefined ? Prisma.empty : Prisma.sql`AND o.status = ${status}::order_status`;
  const pastCursor =
    after === null
      ? Prisma.empty
      : Prisma.sql`AND (o.created_at, o.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`;
  return Prisma.sql`
    SELECT ${ORDER_COLUMNS}
    FROM orders o
    WHERE o.customer_id = ${customerId.value}::uuid AND o.deleted_at IS NULL ${byStatus} ${pastCursor}
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ${take}::int`;
}
