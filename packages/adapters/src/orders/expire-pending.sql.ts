import { Prisma } from '@stratum/prisma';

export interface ExpirePendingParams {
  /** Orders placed strictly before this expire. */
  readonly cutoff: Date;
  readonly limit: number;
  readonly now: Date;
}

/**
 * One batch of the reservation sweep, in one statement. It locks up to `limit` of the oldest live
 * PENDING orders through orders_pending_created_idx, skipping any another transaction holds (a
 * cancel or confirm under way: that move wins, and the next round looks again if it failed), so
 * the sweep never waits on a customer. A row locked here is re-checked on its latest version, so
 * an order confirmed or cancelled since the snapshot is not taken. The items' quantities, summed
 * per product, go back to products locked in id order, as placeOrder and cancelling lock them, so
 * the three never wait on each other in a cycle. Returns the count and the products touched.
 */
export function expirePendingSql({ cutoff, limit, now }: ExpirePendingParams): Prisma.Sql {
  return Prisma.sql`
    WITH picked AS (
      SELECT o.id
      FROM orders o
      WHERE o.status = 'PENDING' AND o.deleted_at IS NULL AND o.created_at < ${cutoff}::timestamptz
      ORDER BY o.created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ),
    expired AS (
      -- By primary key: joined to picked, the planner cannot know how few it holds and may scan orders.
      UPDATE orders o
      SET status = 'EXPIRED', updated_at = ${now}::timestamptz
      WHERE o.id = ANY (ARRAY(SELECT id FROM picked)) AND o.status = 'PENDING'
      RETURNING o.id
    ),
    locked AS (
      SELECT p.id, returned.quantity
      FROM products p
      JOIN (
        SELECT i.product_id, sum(i.quantity)::int AS quantity
        FROM order_items i
        WHERE i.order_id IN (SELECT id FROM expired)
        GROUP BY i.product_id
      ) returned ON returned.product_id = p.id
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
    SELECT
      (SELECT count(*) FROM expired)::int AS count,
      (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM released)::text[] AS "productIds"`;
}
