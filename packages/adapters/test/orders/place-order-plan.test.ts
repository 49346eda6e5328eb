import { ProductId, UserId } from '@stratum/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaOrderRepository } from '../../src/orders/prisma-order.repository';
import {
  captureQueries,
  explain,
  explainGeneric,
  nodesOf,
  onlyQueryOf,
  type CapturedQuery,
  type PlanNode,
} from '../support/query-capture';
import { useTestDatabase } from '../support/test-database';

// The placement must lock its products through the primary key, and count the customer's
// pending places and find the customer through their indexes, both in the custom plan of a
// first call and in the generic plan a named statement settles on after five, on tables large
// enough that a planner which could not use the indexes would scan them.
const PRODUCTS = 10_000;
const CUSTOMERS = 2_000;
const ORDERS_EACH = 10;
const handle = useTestDatabase({ emitQueryEvents: true });
let statement: CapturedQuery;

beforeAll(async () => {
  const prisma = handle.database.prisma;
  const capture = captureQueries(prisma);
  // Every customer holds pending orders in places 1 to 5 and older orders of other statuses.
  await handle.database.pool.query(`
    INSERT INTO users (email, name, password_hash)
      SELECT 'plan-' || g || '@example.test', 'Customer ' || g, 'x' FROM generate_series(1, ${CUSTOMERS}) g;
    INSERT INTO products (sku, name, price, currency, stock)
      SELECT 'PLAN-' || g, 'Product ' || g, 1.00, 'USD', 1000 FROM generate_series(1, ${PRODUCTS}) g;
    INSERT INTO orders (customer_id, status, total, currency, pending_slot)
      SELECT u.id, CASE WHEN g <= 5 THEN 'PENDING' ELSE 'DELIVERED' END::order_status, 1.00, 'USD',
             CASE WHEN g <= 5 THEN g END
      FROM users u CROSS JOIN generate_series(1, ${ORDERS_EACH}) g;
  `);
  await handle.analyze('users', 'products', 'orders');
  const customer = await handle.database.pool.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  const products = await handle.database.pool.query<{ id: string }>('SELECT id FROM products LIMIT 5');
  const orders = new PrismaOrderRepository(prisma);
  statement = await onlyQueryOf(capture, () =>
    orders.placeOrder({
      customerId: UserId.of(customer.rows[0]!.id),
      maxPending: 20,
      lines: products.rows.map((row) => ({ productId: ProductId.of(row.id), quantity: 1 })),
    }),
  );
});

/** The plan PostgreSQL would reuse for every call once the statement is prepared. */
function expectIndexedPlacement(plan: PlanNode): void {
  const nodes = nodesOf(plan);
  expect(
    nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']),
  ).toEqual([]);
  const locking = nodes.filter((node) => node['Node Type'] === 'LockRows');
  expect(locking).toHaveLength(1);
  expect(nodesOf(locking[0]!).map((node) => node['Index Name'])).toContain('products_pkey');
  expect(nodes.map((node) => node['Index Name'])).toEqual(
    expect.arrayContaining(['orders_customer_pending_slot_key', 'users_pkey']),
  );
}

describe(`the placement's plan, among ${PRODUCTS} products and ${CUSTOMERS * ORDERS_EACH} orders`, () => {
  it('binds each value once', () => {
    // Product ids, quantities, the cap, the customer, the order id and the time.
    expect(statement.params).toHaveLength(6);
  });

  it('locks the products through the primary key in the plan of a first call', async () => {
    expectIndexedPlacement(await explain(handle.database.pool, statement));
  });

  it('locks the products through the primary key in the generic plan', async () => {
    expectIndexedPlacement(await explainGeneric(handle.database.pool, statement));
  });
});
