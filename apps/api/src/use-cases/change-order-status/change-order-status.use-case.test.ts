import { ForbiddenError, NotFoundError, OrderId, type Repositories } from '@stratum/domain';
import { ProductMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import type { Principal } from '../shared/principal';
import { ChangeOrderStatusUseCase } from './change-order-status.use-case';

describe('ChangeOrderStatusUseCase', () => {
  async function orderOf(repositories: Repositories, customer: Principal) {
    const product = ProductMother.random();
    await repositories.products.save(product);
    return repositories.orders.placeOrder({
      customerId: customer.userId,
      lines: [{ productId: product.id, quantity: 1 }],
    });
  }

  it('lets a customer cancel their own order', async () => {
    const { repositories } = inMemoryWorld();
    const customer = await callerWith(repositories, ['user']);
    const order = await orderOf(repositories, customer);

    const cancelled = await new ChangeOrderStatusUseCase(repositories.orders).execute(customer, {
      orderId: order.id.value,
      status: 'CANCELLED',
    });

    expect(cancelled.status).toBe('CANCELLED');
  });

  it('refuses a customer any move but CANCELLED, and leaves the order as it was', async () => {
    const { repositories } = inMemoryWorld();
    const customer = await callerWith(repositories, ['user']);
    const order = await orderOf(repositories, customer);

    const refusal = new ChangeOrderStatusUseCase(repositories.orders).execute(customer, {
      orderId: order.id.value,
      status: 'CONFIRMED',
    });

    await expect(refusal).rejects.toThrow(
      new ForbiddenError('Only orders:write:any may move an order other than to CANCELLED'),
    );
    expect((await repositories.orders.findById(order.id))!.status).toBe('PENDING');
  });

  it("answers a customer cancelling someone else's order as if it did not exist", async () => {
    const { repositories } = inMemoryWorld();
    const owner = await callerWith(repositories, ['user']);
    const stranger = await callerWith(repositories, ['user']);
    const order = await orderOf(repositories, owner);

    await expect(
      new ChangeOrderStatusUseCase(repositories.orders).execute(stranger, {
        orderId: order.id.value,
        status: 'CANCELLED',
      }),
    ).rejects.toThrow(new NotFoundError('Order', order.id.value));
    expect((await repositories.orders.findById(order.id))!.status).toBe('PENDING');
  });

  it("lets orders:write:any confirm anyone's order", async () => {
    const { repositories } = inMemoryWorld();
    const customer = await callerWith(repositories, ['user']);
    const shop = await callerWith(repositories, ['moderator']);
    const order = await orderOf(repositories, customer);

    const confirmed = await new ChangeOrderStatusUseCase(repositories.orders).execute(shop, {
      orderId: order.id.value,
      status: 'CONFIRMED',
    });

    expect(confirmed.status).toBe('CONFIRMED');
  });

  it('answers NotFoundError for an order that does not exist', async () => {
    const { repositories } = inMemoryWorld();
    const shop = await callerWith(repositories, ['admin']);

    await expect(
      new ChangeOrderStatusUseCase(repositories.orders).execute(shop, {
        orderId: OrderId.random().value,
        status: 'CONFIRMED',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
