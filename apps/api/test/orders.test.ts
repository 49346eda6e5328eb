import { ProductId } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { savedProduct } from './support/fixtures';
import { useTestApp, type Caller } from './support/test-app';

describe('orders', () => {
  const t = useTestApp();

  async function place(
    caller: Caller,
    lines: Array<{ productId: string; quantity: number }>,
    customerId?: string,
  ) {
    return t.app.inject({
      method: 'POST',
      url: '/orders',
      headers: caller.auth,
      payload: { lines, ...(customerId ? { customerId } : {}) },
    });
  }

  async function placed(caller: Caller) {
    const product = await savedProduct(t, '2.50', 100);
    const response = await place(caller, [{ productId: product.id.value, quantity: 2 }]);
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  describe('POST /orders', () => {
    it('places an order at current prices and reserves the stock', async () => {
      const customer = await t.caller(['user']);
      const keyboard = await savedProduct(t, '129.90', 5);
      const mouse = await savedProduct(t, '39.90', 5);

      const response = await place(customer, [
        { productId: keyboard.id.value, quantity: 1 },
        { productId: mouse.id.value, quantity: 2 },
        { productId: keyboard.id.value, quantity: 1 },
      ]);

      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        customerId: customer.user.id.value,
        status: 'PENDING',
        total: '339.60',
        currency: 'USD',
      });
      expect(response.json().items).toHaveLength(2);
      expect((await t.repositories.products.findById(keyboard.id))!.stock).toBe(3);
    });

    it('refuses too large a quantity with 409 INSUFFICIENT_STOCK and reserves nothing', async () => {
      const customer = await t.caller(['user']);
      const product = await savedProduct(t, '1.00', 1);

      const response = await place(customer, [{ productId: product.id.value, quantity: 2 }]);

      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('INSUFFICIENT_STOCK');
      expect((await t.repositories.products.findById(product.id))!.stock).toBe(1);
    });

    it('answers 404 for an unknown product and 400 for no lines', async () => {
      const customer = await t.caller(['user']);

      expect((await place(customer, [{ productId: ProductId.random().value, quantity: 1 }])).statusCode).toBe(
        404,
      );
      const empty = await place(customer, []);
      expect(empty.statusCode).toBe(400);
      expect(empty.json().fields).toEqual([expect.objectContaining({ field: 'lines' })]);
    });

    it('lets only orders:write:any place an order for someone else', async () => {
      const customer = await t.caller(['user']);
      const other = await t.caller(['user']);
      const admin = await t.caller(['admin']);
      const product = await savedProduct(t);
      const lines = [{ productId: product.id.value, quantity: 1 }];

      expect((await place(customer, lines, other.user.id.value)).statusCode).toBe(403);
      const byAdmin = await place(admin, lines, other.user.id.value);
      expect(byAdmin.statusCode).toBe(201);
      expect(byAdmin.json().customerId).toBe(other.user.id.value);
    });
  });

  describe('GET /orders and /orders/:id', () => {
    it("lists the caller's orders by status, newest first, page by page", async () => {
      const customer = await t.caller(['user']);
      const first = await placed(customer);
      const second = await placed(customer);
      const third = await placed(customer);
      await t.app.inject({
        method: 'PATCH',
        url: `/orders/${second.id}/status`,
        headers: customer.auth,
        payload: { status: 'CANCELLED' },
      });

      const page1 = (
        await t.app.inject({ method: 'GET', url: '/orders?status=PENDING&limit=1', headers: customer.auth })
      ).json();
      const page2 = (
        await t.app.inject({
          method: 'GET',
          url: `/orders?status=PENDING&limit=1&cursor=${page1.nextCursor}`,
          headers: customer.auth,
        })
      ).json();
      const cancelled = (
        await t.app.inject({ method: 'GET', url: '/orders?status=CANCELLED', headers: customer.auth })
      ).json();

      expect([...page1.items, ...page2.items].map((order: { id: string }) => order.id)).toEqual([
        third.id,
        first.id,
      ]);
      expect(page2.nextCursor).toBeNull();
      expect(cancelled.items.map((order: { id: string }) => order.id)).toEqual([second.id]);
    });

    it("shows a customer's orders to them and to orders:read:any; to others an order does not exist", async () => {
      const customer = await t.caller(['user']);
      const stranger = await t.caller(['user']);
      const moderator = await t.caller(['moderator']);
      const order = await placed(customer);
      const get = (url: string, caller: Caller) => t.app.inject({ method: 'GET', url, headers: caller.auth });

      expect((await get(`/orders/${order.id}`, customer)).json()).toEqual(order);
      expect((await get(`/orders/${order.id}`, moderator)).statusCode).toBe(200);
      expect((await get(`/orders/${order.id}`, stranger)).statusCode).toBe(404);
      expect((await get(`/orders/${crypto.randomUUID()}`, stranger)).statusCode).toBe(404);
      expect((await get(`/orders/${order.id.toUpperCase()}`, customer)).statusCode).toBe(200);
      expect((await get(`/orders?customerId=${customer.user.id.value}`, stranger)).statusCode).toBe(403);
      expect(
        (await get(`/orders?customerId=${customer.user.id.value}`, moderator)).json().items,
      ).toHaveLength(1);
      expect((await get(`/orders/${crypto.randomUUID()}`, moderator)).statusCode).toBe(404);
      expect((await get('/orders?status=LOST', customer)).statusCode).toBe(400);
    });
  });

  describe('PATCH /orders/:id/status', () => {
    it('lets a customer cancel their own order, which returns the stock', async () => {
      const customer = await t.caller(['user']);
      const product = await savedProduct(t, '1.00', 5);
      const order = (await place(customer, [{ productId: product.id.value, quantity: 3 }])).json();

      const response = await t.app.inject({
        method: 'PATCH',
        url: `/orders/${order.id}/status`,
        headers: customer.auth,
        payload: { status: 'CANCELLED' },
      });

      expect(response.json().status).toBe('CANCELLED');
      expect((await t.repositories.products.findById(product.id))!.stock).toBe(5);
    });

    it('keeps confirming and shipping for orders:write:any', async () => {
      const customer = await t.caller(['user']);
      const moderator = await t.caller(['moderator']);
      const order = await placed(customer);
      const move = (caller: Caller, status: string) =>
        t.app.inject({
          method: 'PATCH',
          url: `/orders/${order.id}/status`,
          headers: caller.auth,
          payload: { status },
        });

      expect((await move(customer, 'CONFIRMED')).statusCode).toBe(403);
      expect((await move(moderator, 'CONFIRMED')).json().status).toBe('CONFIRMED');
      expect((await move(moderator, 'SHIPPED')).json().status).toBe('SHIPPED');
    });

    it('answers 409 INVALID_STATE_TRANSITION for a move the life cycle forbids', async () => {
      const customer = await t.caller(['user']);
      const moderator = await t.caller(['moderator']);
      const order = await placed(customer);

      const response = await t.app.inject({
        method: 'PATCH',
        url: `/orders/${order.id}/status`,
        headers: moderator.auth,
        payload: { status: 'DELIVERED' },
      });

      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('INVALID_STATE_TRANSITION');
    });
  });
});

describe('pending orders of one customer', () => {
  const t = useTestApp({ config: { maxPendingOrdersPerCustomer: 2 } });

  it('are capped: past the cap a new order is a 409 PENDING_ORDER_LIMIT and reserves nothing', async () => {
    const customer = await t.caller(['user']);
    const product = await savedProduct(t, '1.00', 100);
    const order = () =>
      t.app.inject({
        method: 'POST',
        url: '/orders',
        headers: customer.auth,
        payload: { lines: [{ productId: product.id.value, quantity: 10 }] },
      });

    expect((await order()).statusCode).toBe(201);
    expect((await order()).statusCode).toBe(201);
    const refused = await order();

    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PENDING_ORDER_LIMIT');
    expect((await t.repositories.products.findById(ProductId.of(product.id.value)))!.stock).toBe(80);
  });
});
