import { ForbiddenError, InsufficientStockError, Money, PendingOrderLimitError } from '@stratum/domain';
import { ProductMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import { PlaceOrderUseCase } from './place-order.use-case';

describe('PlaceOrderUseCase', () => {
  async function setUp(maxPending = 20) {
    const world = inMemoryWorld();
    const lamp = ProductMother.random({ price: Money.of('25.00', 'USD'), stock: 3 });
    await world.repositories.products.save(lamp);
    return { ...world, lamp, placeOrder: new PlaceOrderUseCase(world.repositories.orders, maxPending) };
  }

  it('refuses a customer who already holds the most pending orders, and takes no stock; a cancel frees a slot', async () => {
    const { repositories, lamp, placeOrder } = await setUp(2);
    const customer = await callerWith(repositories, ['user']);
    const one = { lines: [{ productId: lamp.id.value, quantity: 1 }] };
    const first = await placeOrder.execute(customer, one);
    await placeOrder.execute(customer, one);

    await expect(placeOrder.execute(customer, one)).rejects.toThrow(new PendingOrderLimitError(2));
    expect((await repositories.products.findById(lamp.id))!.stock).toBe(1);

    await repositories.orders.changeStatus(first.id, 'CANCELLED');
    expect((await placeOrder.execute(customer, one)).status).toBe('PENDING');
  });

  it("places the caller's own order at the current price and takes the stock", async () => {
    const { repositories, lamp, placeOrder } = await setUp();
    const customer = await callerWith(repositories, ['user']);

    const order = await placeOrder.execute(customer, { lines: [{ productId: lamp.id.value, quantity: 2 }] });

    expect(order.customerId.equals(customer.userId)).toBe(true);
    expect(order.total.toDecimalString()).toBe('50.00');
    expect((await repositories.products.findById(lamp.id))!.stock).toBe(1);
  });

  it('refuses a customer ordering for someone else, and takes no stock', async () => {
    const { repositories, lamp, placeOrder } = await setUp();
    const customer = await callerWith(repositories, ['user']);
    const other = await callerWith(repositories, ['user']);

    await expect(
      placeOrder.execute(customer, {
        customerId: other.userId.value,
        lines: [{ productId: lamp.id.value, quantity: 1 }],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await repositories.products.findById(lamp.id))!.stock).toBe(3);
  });

  it('lets orders:write:any place an order for another customer', async () => {
    const { repositories, lamp, placeOrder } = await setUp();
    const shop = await callerWith(repositories, ['moderator']);
    const customer = await callerWith(repositories, ['user']);

    const order = await placeOrder.execute(shop, {
      customerId: customer.userId.value,
      lines: [{ productId: lamp.id.value, quantity: 1 }],
    });

    expect(order.customerId.equals(customer.userId)).toBe(true);
  });

  it('passes the domain refusal of a short line through unchanged', async () => {
    const { repositories, lamp, placeOrder } = await setUp();
    const customer = await callerWith(repositories, ['user']);

    await expect(
      placeOrder.execute(customer, { lines: [{ productId: lamp.id.value, quantity: 4 }] }),
    ).rejects.toBeInstanceOf(InsufficientStockError);
  });
});
