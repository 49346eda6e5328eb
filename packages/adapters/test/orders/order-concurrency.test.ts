import {
  InsufficientStockError,
  InvalidStateTransitionError,
  type Order,
  type OrderLine,
  PendingOrderLimitError,
  type Product,
  type User,
} from '@stratum/domain';
import { ProductMother, UserMother } from '@stratum/testing';
import type { PrismaClient } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { PrismaOrderRepository } from '../../src/orders/prisma-order.repository';
import { describeEachRoute, prismaSubject, useTestDatabase } from '../support/test-database';

// Directly, and through PgBouncer in transaction mode, where each order is still one statement.
describeEachRoute('orders racing on PostgreSQL', (route) => {
  // Enough connections that the racing orders really do run at the same time.
  const handle = useTestDatabase({ poolMax: 20, route });
  const repos = () => prismaSubject(handle);

  async function customer(): Promise<User> {
    const user = UserMother.random();
    await repos().users.save(user);
    return user;
  }

  async function products(count: number, stock: number): Promise<Product[]> {
    const made = Array.from({ length: count }, () => ProductMother.random({ stock }));
    for (const product of made) await repos().products.save(product);
    return made;
  }

  async function stockOf(product: Product): Promise<number | undefined> {
    return (await repos().products.findById(product.id))?.stock;
  }

  function unitsOf(...picked: Product[]): OrderLine[] {
    return picked.map((product) => ({ productId: product.id, quantity: 1 }));
  }

  /**
   * The client, counting the raw statements run on it. A deadlock or serialization failure would
   * be retried out of sight; counting shows none happened.
   */
  function countingStatements(prisma: PrismaClient): { db: PrismaClient; statements: () => number } {
    let statements = 0;
    const db = new Proxy(prisma, {
      get(target, property) {
        if (property !== '$queryRaw') return Reflect.get(target, property, target) as unknown;
        return (...args: Parameters<PrismaClient['$queryRaw']>) => {
          statements++;
          return target.$queryRaw(...args);
        };
      },
    });
    return { db, statements: () => statements };
  }

  interface RaceOutcome {
    placed: Order[];
    refused: number;
    statements: number;
  }

  /** Runs every order at once; splits the outcomes, failing on anything but running out of stock. */
  async function race(buyer: User, orders: OrderLine[][]): Promise<RaceOutcome> {
    const { db, statements } = countingStatements(handle.database.prisma);
    const repository = new PrismaOrderRepository(db);
    const results = await Promise.allSettled(
      orders.map((lines) => repository.placeOrder({ customerId: buyer.id, lines })),
    );
    const placed: Order[] = [];
    let refused = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') placed.push(result.value);
      else if (result.reason instanceof InsufficientStockError) refused++;
      else throw result.reason;
    }
    return { placed, refused, statements: statements() };
  }

  describe('placing orders concurrently', () => {
    it('sells exactly the stock on hand when forty orders race for ten units', async () => {
      const buyer = await customer();
      const [item] = await products(1, 10);

      const { placed, refused, statements } = await race(
        buyer,
        Array.from({ length: 40 }, () => unitsOf(item!)),
      );

      expect(placed).toHaveLength(10);
      expect(refused).toBe(30);
      expect(statements).toBe(40);
      expect(await stockOf(item!)).toBe(0);
      expect(await handle.database.prisma.order.count({ where: { customerId: buyer.id.value } })).toBe(10);
    });

    it('neither deadlocks nor oversells when orders list the same products in different orders', async () => {
      const buyer = await customer();
      const [a, b, c] = (await products(3, 10)) as [Product, Product, Product];
      const arrangements = [unitsOf(a, b, c), unitsOf(c, b, a), unitsOf(b, c, a), unitsOf(c, a, b)];

      const { placed, refused, statements } = await race(
        buyer,
        Array.from({ length: 32 }, (_, i) => arrangements[i % arrangements.length]!),
      );

      expect(placed).toHaveLength(10);
      expect(refused).toBe(22);
      expect(statements).toBe(32);
      for (const product of [a, b, c]) expect(await stockOf(product)).toBe(0);
    });

    it('keeps every unit accounted for when overlapping orders race over shared products', async () => {
      const buyer = await customer();
      const shelf = await products(4, 12);
      // Every pair of the four products, both ways round, three times over: 36 orders of 2 units.
      const pairs = shelf.flatMap((x, i) => shelf.filter((_, j) => j !== i).map((y) => unitsOf(x, y)));
      const orders = [...pairs, ...pairs, ...pairs];

      const { placed, refused, statements } = await race(buyer, orders);

      expect(placed.length + refused).toBe(orders.length);
      expect(statements).toBe(orders.length);
      for (const product of shelf) {
        const sold = placed.filter((order) => order.items.some((item) => item.productId.equals(product.id)));
        const stock = await stockOf(product);
        expect(stock).toBeGreaterThanOrEqual(0);
        expect(stock! + sold.length).toBe(12);
        const written = await handle.database.prisma.orderItem.aggregate({
          where: { productId: product.id.value },
          _sum: { quantity: true },
        });
        expect(written._sum.quantity ?? 0).toBe(sold.length);
      }
    });
  });

  describe("one customer's orders racing at the pending cap", () => {
    /** Twelve orders at once with a cap of three, one order already pending: exactly two may pass. */
    async function raceAtTheCap(shared: boolean): Promise<void> {
      const buyer = await customer();
      const shelf = await products(shared ? 1 : 12, 20);
      await repos().orders.placeOrder({ customerId: buyer.id, lines: unitsOf(shelf[0]!), maxPending: 3 });
      const { db, statements } = countingStatements(handle.database.prisma);
      const repository = new PrismaOrderRepository(db);

      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          repository.placeOrder({
            customerId: buyer.id,
            lines: unitsOf(shelf[i % shelf.length]!),
            maxPending: 3,
          }),
        ),
      );

      const refused = results.filter((result) => result.status === 'rejected');
      for (const result of refused) expect(result.reason).toBeInstanceOf(PendingOrderLimitError);
      expect(results.length - refused.length).toBe(2);
      expect(await repos().orders.countPending(buyer.id)).toBe(3);
      const units = await Promise.all(shelf.map(stockOf));
      expect(units.reduce<number>((sum, left) => sum + 20 - left!, 0)).toBe(3);
      // The losers of a race for a place ran again; the rest needed one statement each.
      expect(statements()).toBeGreaterThanOrEqual(12);
    }

    it('lets exactly the free places through when the orders share no product', async () => {
      await raceAtTheCap(false);
    });

    it('lets exactly the free places through when the orders queue on one product', async () => {
      await raceAtTheCap(true);
    });
  });

  describe('cancelling orders concurrently', () => {
    it('puts the stock of an order back exactly once when many callers cancel it at the same time', async () => {
      const buyer = await customer();
      const [a, b] = (await products(2, 10)) as [Product, Product];
      const order = await repos().orders.placeOrder({
        customerId: buyer.id,
        lines: [
          { productId: a.id, quantity: 4 },
          { productId: b.id, quantity: 7 },
        ],
      });

      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => repos().orders.changeStatus(order.id, 'CANCELLED')),
      );

      const refused = results.filter((result) => result.status === 'rejected');
      expect(results.length - refused.length).toBe(1);
      for (const result of refused) expect(result.reason).toBeInstanceOf(InvalidStateTransitionError);
      expect(await stockOf(a)).toBe(10);
      expect(await stockOf(b)).toBe(10);
    });

    it('neither deadlocks nor loses units when orders over the same products are cancelled at once', async () => {
      const buyer = await customer();
      const [a, b, c] = (await products(3, 30)) as [Product, Product, Product];
      const arrangements = [unitsOf(a, b, c), unitsOf(c, b, a), unitsOf(b, c, a)];
      const { placed } = await race(
        buyer,
        Array.from({ length: 24 }, (_, i) => arrangements[i % arrangements.length]!),
      );
      const { db, statements } = countingStatements(handle.database.prisma);
      const repository = new PrismaOrderRepository(db);

      await Promise.all(placed.map((order) => repository.changeStatus(order.id, 'CANCELLED')));

      // A read and one conditional write each: nothing was retried.
      expect(statements()).toBe(2 * placed.length);
      for (const product of [a, b, c]) expect(await stockOf(product)).toBe(30);
    });
  });
});
