import {
  InsufficientStockError,
  MAX_QUANTITY,
  Money,
  ValidationError,
  type Product,
  type User,
} from '@stratum/domain';
import { ProductMother, UserMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase();
const repos = () => prismaSubject(handle);

async function customer(): Promise<User> {
  const user = UserMother.random();
  await repos().users.save(user);
  return user;
}

async function product(stock: number): Promise<Product> {
  const made = ProductMother.random({ stock });
  await repos().products.save(made);
  return made;
}

async function stockOf(item: Product): Promise<number | undefined> {
  return (await repos().products.findById(item.id))?.stock;
}

async function ordersOf(buyer: User): Promise<number> {
  return handle.database.prisma.order.count({ where: { customerId: buyer.id.value } });
}

describe('a refused order', () => {
  it('writes nothing at all when one of its lines is short', async () => {
    const buyer = await customer();
    const plenty = await product(10);
    const scarce = await product(1);
    const ids = [plenty.id.value, scarce.id.value];
    const rowsBefore = await handle.database.prisma.product.findMany({ where: { id: { in: ids } } });

    const error = await repos()
      .orders.placeOrder({
        customerId: buyer.id,
        lines: [
          { productId: plenty.id, quantity: 3 },
          { productId: scarce.id, quantity: 2 },
        ],
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InsufficientStockError);
    expect(error).toMatchObject({ productId: scarce.id.value, requested: 2, available: 1 });
    // Not a column moved, updated_at included.
    expect(await handle.database.prisma.product.findMany({ where: { id: { in: ids } } })).toEqual(rowsBefore);
    expect(await ordersOf(buyer)).toBe(0);
    expect(await handle.database.prisma.orderItem.count({ where: { productId: { in: ids } } })).toBe(0);
  });

  it('names the first short product in id order when several are short', async () => {
    const buyer = await customer();
    const [first, second] = [await product(1), await product(1)].sort((a, b) =>
      a.id.value < b.id.value ? -1 : 1,
    );

    const error = await repos()
      .orders.placeOrder({
        customerId: buyer.id,
        lines: [
          { productId: second!.id, quantity: 2 },
          { productId: first!.id, quantity: 2 },
        ],
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', productId: first!.id.value });
  });

  it('writes nothing when its total is too large for the orders table', async () => {
    const buyer = await customer();
    const dear = ProductMother.random({ price: Money.of('9999999999.99', 'USD'), stock: MAX_QUANTITY });
    await repos().products.save(dear);

    const error = await repos()
      .orders.placeOrder({ customerId: buyer.id, lines: [{ productId: dear.id, quantity: MAX_QUANTITY }] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(await stockOf(dear)).toBe(MAX_QUANTITY);
    expect(await ordersOf(buyer)).toBe(0);
  });

  it('is undone with the rest of a unit of work that fails after placing it', async () => {
    const buyer = await customer();
    const item = await product(5);

    const failure = await repos()
      .unitOfWork.run(async (work) => {
        await work.orders.placeOrder({ customerId: buyer.id, lines: [{ productId: item.id, quantity: 1 }] });
        throw new Error('something later in the same unit of work failed');
      })
      .catch((e: unknown) => e);

    expect(failure).toMatchObject({ message: 'something later in the same unit of work failed' });
    expect(await stockOf(item)).toBe(5);
    expect(await ordersOf(buyer)).toBe(0);
  });
});
