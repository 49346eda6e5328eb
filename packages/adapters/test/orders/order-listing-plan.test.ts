import { CursorPageRequest, UserId, type OrderListOptions } from '@stratum/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, explain, nodesOf, type PlanNode, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase({ emitQueryEvents: true });
let customerId: UserId;
let capture: QueryCapture;

/** The plan PostgreSQL picks for the exact statement (and parameters) the repository just ran. */
async function planOfLastQuery(): Promise<PlanNode[]> {
  const last = capture.take().at(-1);
  if (!last) throw new Error('no query was captured');
  return nodesOf(await explain(handle.database.pool, last));
}

async function planOfListing(options: OrderListOptions): Promise<PlanNode[]> {
  const page = await prismaSubject(handle).orders.findByCustomer(customerId, options);
  expect(page.items.length).toBeGreaterThan(0);
  return planOfLastQuery();
}

function indexesIn(nodes: PlanNode[]): string[] {
  return nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));
}

function tableScansIn(nodes: PlanNode[]): string[] {
  return nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']!);
}

beforeAll(async () => {
  // 200 customers with 100 orders each, one item per order; then fresh statistics.
  await handle.database.pool.query(`
    INSERT INTO users (email, name, password_hash)
      SELECT 'bulk-' || g || '@example.test', 'Bulk customer ' || g, 'x' FROM generate_series(1, 200) g;
    INSERT INTO products (sku, name, price, currency, stock)
      SELECT 'BULK-' || g, 'Bulk product ' || g, 1.00, 'USD', 1000 FROM generate_series(1, 50) g;
    INSERT INTO orders (customer_id, status, total, currency, created_at, updated_at)
      SELECT u.id, (enum_range(NULL::order_status))[1 + g % 5], 1.00, 'USD',
             now() - g * interval '1 minute', now() - g * interval '1 minute'
      FROM users u CROSS JOIN generate_series(1, 100) g;
    INSERT INTO order_items (order_id, product_id, quantity, unit_price)
      SELECT o.id, p.id, 1, 1.00
      FROM (SELECT id, row_number() OVER () % 50 AS n FROM orders) o
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM products) p USING (n);
  `);
  await handle.analyze('users', 'products', 'orders', 'order_items');
  const { rows } = await handle.database.pool.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  customerId = UserId.of(rows[0]!.id);
  capture = captureQueries(handle.database.prisma);
});

describe("the plan of a customer's order listing, among 20,000 orders", () => {
  it("reads the first page from the customer's newest-first index", async () => {
    const nodes = await planOfListing({ page: CursorPageRequest.of({ limit: 20 }) });

    expect(indexesIn(nodes)).toEqual(['orders_customer_created_idx', 'order_items_order_product_key']);
    expect(tableScansIn(nodes)).toEqual([]);
  });

  it('starts a later page at the cursor in the same index', async () => {
    const first = await prismaSubject(handle).orders.findByCustomer(customerId, {
      page: CursorPageRequest.of({ limit: 20 }),
    });

    const nodes = await planOfListing({ page: CursorPageRequest.of({ limit: 20, after: first.nextCursor }) });

    const scan = nodes.find((node) => node['Index Name'] === 'orders_customer_created_idx');
    // A bound of the index scan, not a filter over rows already read.
    expect(scan?.['Index Cond']).toMatch(/ROW\(created_at, id\) < ROW\(/);
    expect(tableScansIn(nodes)).toEqual([]);
  });

  it('filters by status with one of the customer indexes, never a table scan', async () => {
    const nodes = await planOfListing({ status: 'SHIPPED', page: CursorPageRequest.of({ limit: 20 }) });

    expect(indexesIn(nodes).filter((name) => name.startsWith('orders_customer_'))).toHaveLength(1);
    expect(tableScansIn(nodes)).toEqual([]);
  });
});
