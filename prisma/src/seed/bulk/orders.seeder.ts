import { SEED_EPOCH, seedUuid, unit } from './seed-sql';
import type { TableSeeder } from './table-seeder';

const STATUSES = [
  'DELIVERED',
  'DELIVERED',
  'DELIVERED',
  'DELIVERED',
  'SHIPPED',
  'CONFIRMED',
  'PENDING',
  'CANCELLED',
];

export interface OrdersSeederOptions {
  readonly orders: number;
  /** Orders go to users 1..customers in turn, so each of them has about orders / customers. */
  readonly customers: number;
  readonly products: number;
}

/**
 * Historical orders of one to five items at the seeded products' prices. Orders and their items
 * go in one statement; items are written only for orders that this statement inserted, so a
 * second run adds nothing.
 */
export function ordersSeeder({ orders, customers, products }: OrdersSeederOptions): TableSeeder {
  return {
    table: 'orders',
    rows: orders,
    batch: (from, to) => ({
      values: [from, to, customers, products, STATUSES, SEED_EPOCH],
      text: `
        WITH o AS (
          SELECT g, ${seedUuid('order', 'g')} AS id,
                 ${seedUuid('user', '1 + (g - 1) % $3::bigint')} AS customer_id,
                 ($5::text[])[1 + floor(cardinality($5::text[]) * ${unit('g', 1)})::int]::order_status AS status,
                 $6::timestamptz - g * interval '7 minutes' AS at
          FROM generate_series($1::bigint, $2::bigint) AS g
        ),
        i AS (
          -- Distinct on the product: two draws of one order may land on the same product.
          SELECT DISTINCT ON (o.id, p.id) o.id AS order_id, p.id AS product_id,
                 1 + floor(3 * ${unit('o.g * 8 + j', 2)})::int AS quantity, p.price
          FROM o
          -- Constant bounds, so the planner knows there are at most five and looks each product
          -- up by its key instead of hashing the whole products table.
          CROSS JOIN generate_series(1, 5) AS j
          JOIN products p ON p.id = ${seedUuid('product', '1 + (o.g * 7919 + j * 104729) % $4::bigint')}
          WHERE j <= 1 + floor(5 * ${unit('o.g', 3)})::int
        ),
        placed AS (
          INSERT INTO orders (id, customer_id, status, total, currency, created_at, updated_at)
          SELECT o.id, o.customer_id, o.status, t.total, 'USD', o.at, o.at
          FROM o JOIN (SELECT order_id, sum(price * quantity) AS total FROM i GROUP BY order_id) t
            ON t.order_id = o.id
          ON CONFLICT DO NOTHING
          RETURNING id
        )
        INSERT INTO order_items (order_id, product_id, quantity, unit_price)
        SELECT i.order_id, i.product_id, i.quantity, i.price
        FROM i JOIN placed ON placed.id = i.order_id`,
    }),
  };
}
