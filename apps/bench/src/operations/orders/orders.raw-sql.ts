import type { RawStatement } from '../raw-query';

/**
 * An order placed in one statement, with the guarantees of the adapter's: products locked in id
 * order, every line judged on the locked rows, and only then stock taken and order and items
 * written. `ok` is false, and nothing written, when any check fails.
 */
export const PLACE_ORDER: RawStatement = {
  name: 'bench_place_order',
  text: `
    WITH line AS (
      SELECT product_id, quantity FROM unnest($2::uuid[], $3::int[]) AS l(product_id, quantity)
    ),
    locked AS (
      SELECT id, price, currency, stock FROM products
      WHERE id = ANY ($2::uuid[]) AND deleted_at IS NULL
      ORDER BY id
      FOR UPDATE
    ),
    judged AS (
      SELECT coalesce(bool_and(locked.id IS NOT NULL AND locked.stock >= line.quantity), false) AS available,
             count(DISTINCT locked.currency) = 1 AS one_currency,
             min(locked.currency) AS currency,
             sum(locked.price * line.quantity) AS total
      FROM line LEFT JOIN locked ON locked.id = line.product_id
    ),
    decision AS (
      SELECT judged.*,
             available AND one_currency
               AND EXISTS (SELECT 1 FROM users WHERE id = $1::uuid AND deleted_at IS NULL) AS ok
      FROM judged
    ),
    reserved AS (
      UPDATE products p SET stock = locked.stock - line.quantity, updated_at = $5::timestamptz
      FROM line JOIN locked ON locked.id = line.product_id
      WHERE p.id = line.product_id AND (SELECT ok FROM decision)
      RETURNING p.id
    ),
    placed AS (
      INSERT INTO orders (id, customer_id, status, total, currency, created_at, updated_at)
      SELECT $4::uuid, $1::uuid, 'PENDING', total, currency, $5::timestamptz, $5::timestamptz
      FROM decision WHERE ok
      RETURNING id
    ),
    items AS (
      INSERT INTO order_items (order_id, product_id, quantity, unit_price)
      SELECT placed.id, line.product_id, line.quantity, locked.price
      FROM placed CROSS JOIN line JOIN locked ON locked.id = line.product_id
      RETURNING order_id
    )
    SELECT ok, (SELECT count(*) FROM reserved)::int AS reserved, (SELECT count(*) FROM items)::int AS items,
           total, currency
    FROM decision`,
};

/** A customer's newest orders, each with its items folded in as JSON: one round trip per page. */
export const CUSTOMER_ORDERS: RawStatement = {
  name: 'bench_customer_orders',
  text: `
    SELECT o.id, o.customer_id, o.status, o.total, o.currency, o.created_at, o.updated_at,
           (SELECT json_agg(json_build_object(
                     'productId', i.product_id, 'quantity', i.quantity, 'unitPrice', i.unit_price::text
                   ) ORDER BY i.product_id)
            FROM order_items i WHERE i.order_id = o.id) AS items
    FROM orders o
    WHERE o.customer_id = $1::uuid AND o.deleted_at IS NULL
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT $2`,
};
