import { InsufficientStockError, MAX_STOCK, Money, ValidationError, type Product } from '@stratum/domain';
import { ProductMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase();
const products = () => prismaSubject(handle).products;

async function saved(overrides: Parameters<typeof ProductMother.random>[0] = {}): Promise<Product> {
  const product = ProductMother.random(overrides);
  await products().save(product);
  return product;
}

describe('saving products', () => {
  // A taken SKU (SkuTakenError), and a deleted product's SKU used again: see the ProductRepository contract.
  it('keeps the creation time and takes the new update time when saved again', async () => {
    const product = await saved({ createdAt: new Date('2026-01-02T03:04:05.678Z') });
    const later = new Date('2026-02-03T04:05:06.789Z');

    await products().save(product.changePrice(Money.of('7.00', 'USD'), later));

    const found = await products().findById(product.id);
    expect(found?.createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(found?.updatedAt.toISOString()).toBe('2026-02-03T04:05:06.789Z');
  });
});

describe('adjusting stock', () => {
  it('tells how many units were available when it refuses to take more', async () => {
    const product = await saved({ stock: 2 });

    const error = await products()
      .adjustStock(product.id, -5)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InsufficientStockError);
    expect(error).toMatchObject({ productId: product.id.value, requested: 5, available: 2 });
  });

  it('refuses to raise stock above what the column holds, changing nothing', async () => {
    const product = await saved({ stock: MAX_STOCK - 1 });

    await expect(products().adjustStock(product.id, 2)).rejects.toMatchObject({ field: 'delta' });
    await expect(products().adjustStock(product.id, Number.MAX_SAFE_INTEGER)).rejects.toMatchObject({
      field: 'delta',
    });
    expect(await products().adjustStock(product.id, 1)).toBe(MAX_STOCK);
  });

  it('refuses a delta that is not a whole number before touching the database', async () => {
    const product = await saved({ stock: 5 });

    for (const delta of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      await expect(products().adjustStock(product.id, delta)).rejects.toBeInstanceOf(ValidationError);
    }
    expect((await products().findById(product.id))?.stock).toBe(5);
  });
});
