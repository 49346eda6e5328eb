import { describe, expect, it } from 'vitest';
import { savedProduct } from './support/fixtures';
import { useTestApp, type Caller } from './support/test-app';
import { until } from './support/wait';

const TTL_MS = 60_000;

// The sweep as production schedules it (the composition root, PostgreSQL, the cache), on a short
// interval; the test clock moves past the reservation instead of waiting for it.
describe('pending orders whose reservation runs out', () => {
  const t = useTestApp({
    config: {
      pendingOrderSweep: { intervalMs: 100, reservationTtlMs: TTL_MS, batchSize: 2, maxBatchesPerRound: 10 },
    },
  });

  async function place(caller: Caller, productId: string, quantity: number): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/orders',
      headers: caller.auth,
      payload: { lines: [{ productId, quantity }] },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function statusOf(caller: Caller, id: string): Promise<string> {
    const response = await t.app.inject({ method: 'GET', url: `/orders/${id}`, headers: caller.auth });
    return response.json<{ status: string }>().status;
  }

  async function stockSeenBy(caller: Caller, productId: string): Promise<number> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/products/${productId}`,
      headers: caller.auth,
    });
    return response.json<{ stock: number }>().stock;
  }

  it('expire, give their stock back, and the product is read fresh, not from the cache', async () => {
    const customer = await t.caller(['user']);
    const product = await savedProduct(t, '5.00', 10);
    const orders = [
      await place(customer, product.id.value, 3),
      await place(customer, product.id.value, 2),
      await place(customer, product.id.value, 1),
    ];
    // Cached now, with the stock the orders left.
    expect(await stockSeenBy(customer, product.id.value)).toBe(4);

    // Several rounds run while the reservations still hold: nothing moves.
    t.clock.advance(TTL_MS - 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(customer, orders[0]!)).toBe('PENDING');
    expect(await stockSeenBy(customer, product.id.value)).toBe(4);

    t.clock.advance(6_000);
    await until(
      async () => (await statusOf(customer, orders[2]!)) === 'EXPIRED',
      'the sweep expired the old orders',
    );

    expect(await Promise.all(orders.map((id) => statusOf(customer, id)))).toEqual([
      'EXPIRED',
      'EXPIRED',
      'EXPIRED',
    ]);
    expect(await stockSeenBy(customer, product.id.value)).toBe(10);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/orders?status=EXPIRED',
      headers: customer.auth,
    });
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(3);
  });
});
