import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, explain, nodesOf, onlyQueryOf, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase({ emitQueryEvents: true });
let capture: QueryCapture;

beforeAll(async () => {
  // 20,000 orders of every status, a fifth of them pending, spread over the last two weeks.
  await handle.database.pool.query(`
    INSERT INTO users (email, name, password_hash)
      SELECT 'bulk-' || g || '@example.test', 'Bulk customer ' || g, 'x' FROM generate_series(1, 200) g;
    INSERT INTO products (sku, name, price, currency, stock)
      SELECT 'BULK-' || g, 'Bulk product ' || g, 1.00, 'USD', 1000 FROM generate_series(1, 5000) g;
    INSERT INTO orders (customer_id, status, total, currency, created_at, updated_at)
      SELECT u.id, (enum_range(NULL::order_status))[1 + g % 5], 1.00, 'USD',
             now() - g * interval '3 minutes', now() - g * interval '3 minutes'
      FROM users u CROSS JOIN generate_series(1, 100) g;
    INSERT INTO order_items (order_id, product_id, quantity, unit_price)
      SELECT o.id, p.id, 1, 1.00
      FROM (SELECT id, row_number() OVER () % 5000 AS n FROM orders) o
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM products) p USING (n);
  `);
  await handle.analyze('users', 'products', 'orders', 'order_items');
  capture = captureQueries(handle.database.prisma);
});

describe('the plan of a reservation sweep batch, among 20,000 orders', () => {
  it('is one statement that finds the oldest pending orders through the partial pending index', async () => {
    const cutoff = new Date(Date.now() - 60 * 60_000);
    const query = await onlyQueryOf(capture, () =>
      prismaSubject(handle).orders.expirePendingPlacedBefore(cutoff, 100),
    );

    const nodes = nodesOf(await explain(handle.database.pool, query));
    const indexes = nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));

    // The oldest pending first, from the partial index; then the picked rows by primary key.
    expect(indexes).toEqual(expect.arrayContaining(['orders_pending_created_idx', 'orders_pkey']));
    expect(indexes[0]).toBe('orders_pending_created_idx');
    expect(
      nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']),
    ).toEqual([]);
    expect(nodes.some((node) => node['Node Type'] === 'LockRows')).toBe(true);
  });
});
