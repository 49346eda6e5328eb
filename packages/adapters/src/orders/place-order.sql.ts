import type { OrderId, OrderLine, UserId } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';

export interface PlaceOrderParams {
  readonly orderId: OrderId;
  readonly customerId: UserId;
  /** Normalized: merged, and sorted by product id. */
  readonly lines: readonly OrderLine[];
  /** Live PENDING orders the customer may hold with this one; null for no cap. */
  readonly maxPending: number | null;
  readonly now: Date;
}

/**
 * Places an order in one statement, hence one round trip and one atomic step, inside a unit of
 * work or not. It locks the live products of the order in id order (so two orders never wait
 * on each other in a cycle), judges every line against the locked rows (whose stock and price
 * are the latest committed, not the statement's snapshot), and only if all is well takes the
 * stock and writes the order and its items. Either way it returns what it found, line by line,
 * from which the caller names the first problem. Nothing is checked before it is locked.
 *
 * The pending cap: the customer's live PENDING orders are counted from the statement's snapshot,
 * which misses an order of theirs committed meanwhile, so the order also takes a numbered place
 * (pending_slot, the lowest free one), unique among the customer's live PENDING orders. Two
 * orders racing for the same place: the second waits for the first to commit, then inserts
 * nothing (ON CONFLICT DO NOTHING), takes no stock, and says so ("placed" 0); the caller runs the
 * statement again on a new snapshot, which counts the winner. No extra round trip unless raced.
 *
 * Prisma.sql gives every interpolation a parameter of its own, so each value is bound once, in
 * `input`, and read from there by scalar subqueries (which PostgreSQL runs once, as InitPlans,
 * and which keep the products' lock and the orders' count on their indexes): 6 parameters
 * instead of 15, each converted and sent by the driver on every call. The largest total is a
 * constant, so it is written into the text rather than bound.
 */
export function placeOrderSql({ orderId, customerId, lines, maxPending, now }: PlaceOrderParams): Prisma.Sql {
  return Prisma.sql`
    WITH input AS (
      SELECT ${lines.map((line) => line.productId.value)}::uuid[] AS product_ids,
             ${lines.map((line) => line.quantity)}::int[] AS quantities,
             ${maxPending}::int AS max_pending, ${customerId.value}::uuid AS customer_id,
             ${orderId.value}::uuid AS order_id, ${now}::timestamptz AS at
    ),
    line AS (
      SELECT l.product_id, l.quantity
      FROM input i, unnest(i.product_ids, i.quantities) AS l(product_id, quantity)
    ),
    locked AS (
      SELECT p.id, p.price, p.currency, p.stock
      FROM products p
      -- The cast makes the subquery one array value; bare, ANY would read it as a set of rows.
      WHERE p.id = ANY ((SELECT product_ids FROM input)::uuid[]) AND p.deleted_at IS NULL
      ORDER BY p.id
      FOR UPDATE
    ),
    checked AS (
      SELECT line.product_id, line.quantity, locked.id IS NOT NULL AS found,
             locked.stock, locked.price, locked.currency
      FROM line LEFT JOIN locked ON locked.id = line.product_id
    ),
    pending AS (
      SELECT o.pending_slot
      FROM orders o
      WHERE (SELECT max_pending FROM input) IS NOT NULL
        AND o.customer_id = (SELECT customer_id FROM input) AND o.status = 'PENDING' AND o.deleted_at IS NULL
    ),
    place AS (
      SELECT
        (SELECT count(*) FROM pending) AS held,
        -- The lowest free place: 1, else the one after a taken place whose next is free.
        CASE WHEN i.max_pending IS NULL THEN NULL
             WHEN NOT EXISTS (SELECT 1 FROM pending WHERE pending_slot = 1) THEN 1
             ELSE (SELECT min(a.pending_slot) + 1 FROM pending a
                   WHERE NOT EXISTS (SELECT 1 FROM pending b WHERE b.pending_slot = a.pending_slot + 1))
        END AS slot
      FROM input i
    ),
    verdict AS (
      SELECT
        EXISTS (SELECT 1 FROM users u WHERE u.id = (SELECT customer_id FROM input) AND u.deleted_at IS NULL)
          AS customer_found,
        (SELECT i.max_pending IS NULL OR p.held < i.max_pending FROM input i, place p) AS under_cap,
        coalesce(bool_and(found AND stock >= quantity), false) AS available,
        count(DISTINCT currency) = 1 AS one_currency,
        min(currency) AS currency,
        sum(price * quantity) AS total
      FROM checked
    ),
    decision AS (
      -- 999999999999.99: the largest total NUMERIC(14,2) holds; a larger order is refused, not
      -- left to overflow.
      SELECT *,
             customer_found AND under_cap AND available AND one_currency AND total <= 999999999999.99::numeric
               AS ok
      FROM verdict
    ),
    placed AS (
      INSERT INTO orders (id, customer_id, status, total, currency, created_at, updated_at, pending_slot)
      SELECT i.order_id, i.customer_id, 'PENDING', d.total, d.currency, i.at, i.at, (SELECT slot FROM place)
      FROM input i, decision d
      WHERE d.ok
      ON CONFLICT (customer_id, pending_slot) WHERE status = 'PENDING' AND deleted_at IS NULL DO NOTHING
      RETURNING id
    ),
    reserved AS (
      -- From the locked stock, not p.stock: this UPDATE's own scan reads the statement's snapshot,
      -- and PostgreSQL checks the stock CHECK on the row computed from it before it re-reads the
      -- latest version; after a concurrent restock "p.stock - quantity" would fail that CHECK.
      UPDATE products p
      SET stock = c.stock - c.quantity, updated_at = (SELECT at FROM input)
      FROM checked c
      WHERE p.id = c.product_id AND EXISTS (SELECT 1 FROM placed)
      RETURNING p.id
    ),
    placed_items AS (
      INSERT INTO order_items (order_id, product_id, quantity, unit_price)
      SELECT placed.id, c.product_id, c.quantity, c.price
      FROM placed CROSS JOIN checked c
      RETURNING order_id
    )
    SELECT
      d.ok,
      d.customer_found AS "customerFound",
      d.under_cap AS "underCap",
      (SELECT count(*) FROM placed)::int AS placed,
      (SELECT count(*) FROM reserved)::int AS reserved,
      (SELECT count(*) FROM placed_items)::int AS "itemsWritten",
      (SELECT json_agg(json_build_object(
                'productId', c.product_id, 'quantity', c.quantity, 'found', c.found,
                'stock', c.stock, 'unitPrice', c.price::text, 'currency', c.currency
              ) ORDER BY c.product_id)
       FROM checked c) AS lines
    FROM decision d`;
}
