import type { OrderId, OrderStatus } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';

export interface ChangeStatusParams {
  readonly id: OrderId;
  /** The status the move was validated from: the update happens only if it is still current. */
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly now: Date;
}

/**
 * A compare-and-set on the status, in one statement with the stock release of a cancellation,
 * so the units go back exactly once and only if this very move happened. Products are locked in
 * id order, like placeOrder does, and whether deleted or not: a deleted product keeps its row.
 * Returns one row whose `moved` is 0 when the order was deleted or its status moved meanwhile.
 */
export function changeStatusSql({ id, from, to, now }: ChangeStatusParams): Prisma.Sql {
  const moved = Prisma.sql`
    UPDATE orders
    SET status = ${to}::order_status, updated_at = ${now}::timestamptz
    WHERE id = ${id.value}::uuid AND deleted_at IS NULL AND status = ${from}::order_status
    RETURNING id`;
  if (to !== 'CANCELLED') {
    return Prisma.sql`WITH moved AS (${moved}) SELECT count(*)::int AS moved FROM moved`;
  }
  return Prisma.sql`
    WITH moved AS (${moved}),
    locked AS (
      SELECT p.id, i.quantity
      FROM products p JOIN order_items i ON i.product_id = p.id
      WHERE i.order_id = (SELECT id FROM moved)
      ORDER BY p.id
      FOR UPDATE OF p
    ),
    released AS (
      UPDATE products p
      SET stock = p.stock + l.quantity, updated_at = ${now}::timestamptz
      FROM locked l
      WHERE p.id = l.id
      RETURNING p.id
    )
    SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM released)::int AS released`;
}
