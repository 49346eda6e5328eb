import { CursorPageRequest, type User } from '@stratum/domain';
import { ProductMother, UserMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase({ emitQueryEvents: true });
const repos = () => prismaSubject(handle);
let capture: QueryCapture;

beforeAll(() => {
  capture = captureQueries(handle.database.prisma);
});

/** The statements `work` sent to PostgreSQL. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  capture.take();
  await work();
  return capture.take().map((query) => query.sql);
}

async function customerWithOrders(count: number, linesEach: number): Promise<User> {
  const buyer = UserMother.random();
  await repos().users.save(buyer);
  const shelf = Array.from({ length: linesEach }, () => ProductMother.random({ stock: 1_000 }));
  for (const product of shelf) await repos().products.save(product);
  for (let i = 0; i < count; i++) {
    await repos().orders.placeOrder({
      customerId: buyer.id,
      lines: shelf.map((product) => ({ productId: product.id, quantity: 1 + (i % 3) })),
    });
  }
  return buyer;
}

describe('round trips to the database', () => {
  it("lists a customer's orders with all their items in one query, whatever the page size", async () => {
    const buyer = await customerWithOrders(30, 4);

    for (const limit of [1, 10, 30]) {
      let listed = 0;
      const statements = await statementsOf(async () => {
        const page = await repos().orders.findByCustomer(buyer.id, { page: CursorPageRequest.of({ limit }) });
        expect(page.items.every((order) => order.items.length === 4)).toBe(true);
        listed = page.items.length;
      });
      expect(listed).toBe(limit);
      expect(statements, `page of ${limit}`).toHaveLength(1);
    }
  });

  it('finds one order with its items in one query', async () => {
    const buyer = await customerWithOrders(1, 3);
    const [order] = (await repos().orders.findByCustomer(buyer.id, { page: CursorPageRequest.first() }))
      .items;

    const statements = await statementsOf(async () => {
      expect((await repos().orders.findById(order!.id))?.items).toHaveLength(3);
    });

    expect(statements).toHaveLength(1);
  });

  it('places an order of many lines in a single statement', async () => {
    const buyer = UserMother.random();
    await repos().users.save(buyer);
    const shelf = Array.from({ length: 8 }, () => ProductMother.random({ stock: 5 }));
    for (const product of shelf) await repos().products.save(product);

    const statements = await statementsOf(() =>
      repos().orders.placeOrder({
        customerId: buyer.id,
        lines: shelf.map((product) => ({ productId: product.id, quantity: 2 })),
      }),
    );

    expect(statements).toHaveLength(1);
  });

  it('cancels an order, stock release included, in a read and one conditional write', async () => {
    const buyer = await customerWithOrders(1, 5);
    const [order] = (await repos().orders.findByCustomer(buyer.id, { page: CursorPageRequest.first() }))
      .items;

    const statements = await statementsOf(() => repos().orders.changeStatus(order!.id, 'CANCELLED'));

    expect(statements).toHaveLength(2);
  });
});
