import { InvalidStateTransitionError, type Order, type Product, type User } from '@stratum/domain';
import { ProductMother, UserMother } from '@stratum/testing';
import { expect, it } from 'vitest';
import { describeEachRoute, prismaSubject, useTestDatabase } from '../support/test-database';

const ORDERS = 40;
const SWEEPS = 6;

// The sweep against a customer cancelling and an admin confirming the same orders, for real, on
// enough connections that they run at once; directly and through PgBouncer in transaction mode.
describeEachRoute('expiring pending orders while they are cancelled or confirmed, on PostgreSQL', (route) => {
  const handle = useTestDatabase({ poolMax: 20, route });
  const repos = () => prismaSubject(handle);

  async function pendingOrders(stock: number): Promise<{ items: Product[]; orders: Order[] }> {
    const buyer: User = UserMother.random();
    await repos().users.save(buyer);
    const items = [ProductMother.random({ stock }), ProductMother.random({ stock })];
    for (const item of items) await repos().products.save(item);
    const orders: Order[] = [];
    for (let i = 0; i < ORDERS; i++) {
      // Both products in every order, in both line orders: the sweep sums and sorts them.
      const lines = items.map((item) => ({ productId: item.id, quantity: 1 + (i % 3) }));
      orders.push(
        await repos().orders.placeOrder({ customerId: buyer.id, lines: i % 2 ? lines.reverse() : lines }),
      );
    }
    return { items, orders };
  }

  /** Several sweeps at once, each going until it finds nothing; how many orders each expired. */
  async function sweeping(cutoff: Date): Promise<number> {
    const sweeps = Array.from({ length: SWEEPS }, async () => {
      let expired = 0;
      for (;;) {
        const batch = await repos().orders.expirePendingPlacedBefore(cutoff, 5);
        if (batch.count === 0) return expired;
        expired += batch.count;
      }
    });
    return (await Promise.all(sweeps)).reduce((a, b) => a + b, 0);
  }

  async function stocks(items: Product[]): Promise<number[]> {
    return Promise.all(items.map(async (item) => (await repos().products.findById(item.id))!.stock));
  }

  function unitsOf(orders: Order[]): number {
    return orders.reduce((sum, order) => sum + order.items[0]!.quantity, 0);
  }

  it('gives each order its stock back once, whichever of cancel and sweep gets it', async () => {
    const { items, orders } = await pendingOrders(1000);
    const cutoff = new Date(Date.now() + 1);

    const [cancels, expired] = await Promise.all([
      Promise.allSettled(orders.map((order) => repos().orders.changeStatus(order.id, 'CANCELLED'))),
      sweeping(cutoff),
    ]);

    const cancelled = cancels.filter((outcome) => outcome.status === 'fulfilled').length;
    for (const outcome of cancels) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(InvalidStateTransitionError);
    }
    expect(cancelled + expired).toBe(ORDERS);
    const statuses = await Promise.all(
      orders.map(async (order) => (await repos().orders.findById(order.id))!.status),
    );
    expect(statuses.filter((status) => status === 'CANCELLED')).toHaveLength(cancelled);
    expect(statuses.filter((status) => status === 'EXPIRED')).toHaveLength(expired);
    expect(await stocks(items)).toEqual([1000, 1000]);
  });

  it('never expires an order once it is confirmed, and confirms none it expired', async () => {
    const { items, orders } = await pendingOrders(1000);
    const cutoff = new Date(Date.now() + 1);

    const [confirms, expired] = await Promise.all([
      Promise.allSettled(orders.map((order) => repos().orders.changeStatus(order.id, 'CONFIRMED'))),
      sweeping(cutoff),
    ]);

    const confirmedIds = new Set<string>();
    confirms.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') confirmedIds.add(orders[i]!.id.value);
      else expect(outcome.reason).toBeInstanceOf(InvalidStateTransitionError);
    });
    expect(confirmedIds.size + expired).toBe(ORDERS);
    for (const order of orders) {
      const status = (await repos().orders.findById(order.id))!.status;
      expect(status).toBe(confirmedIds.has(order.id.value) ? 'CONFIRMED' : 'EXPIRED');
    }
    const held = unitsOf(orders.filter((order) => confirmedIds.has(order.id.value)));
    expect(await stocks(items)).toEqual([1000 - held, 1000 - held]);
  });

  it('expires each order once when sweeps race each other and new orders take the same stock', async () => {
    const { items, orders } = await pendingOrders(1000);
    const cutoff = new Date(Date.now() + 1);
    const buyer: User = UserMother.random();
    await repos().users.save(buyer);

    const [expired, placed] = await Promise.all([
      sweeping(cutoff),
      Promise.all(
        Array.from({ length: 20 }, () =>
          repos().orders.placeOrder({
            customerId: buyer.id,
            lines: items.map((item) => ({ productId: item.id, quantity: 1 })),
          }),
        ),
      ),
    ]);

    expect(expired).toBe(ORDERS);
    for (const order of orders) expect((await repos().orders.findById(order.id))!.status).toBe('EXPIRED');
    expect(placed).toHaveLength(20);
    expect(await stocks(items)).toEqual([980, 980]);
  });
});
