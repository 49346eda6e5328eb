import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { Money } from '../shared/money';
import { Product } from './product';
import { InsufficientStockError } from './product.errors';

// A local builder: the domain's tests may not depend on @stratum/testing, which depends on it.
function aProduct(overrides: { stock?: number } = {}): Product {
  return Product.create({
    sku: `SKU-${randomUUID().slice(0, 8).toUpperCase()}`,
    name: 'Widget',
    description: 'A dependable everyday widget.',
    price: Money.of('9.99', 'USD'),
    stock: overrides.stock ?? 100,
  });
}

const valid = { sku: ' SKU-1 ', name: ' Kettle ', price: Money.of('19.99', 'USD') };

describe('Product', () => {
  it('is created trimmed, with no stock and an empty description unless given', () => {
    const product = Product.create(valid);
    expect(product).toMatchObject({
      sku: 'SKU-1',
      name: 'Kettle',
      description: '',
      stock: 0,
      deletedAt: null,
    });
    expect(product.inStock).toBe(false);
  });

  it.each([
    ['sku', { sku: '' }],
    ['sku', { sku: 'x'.repeat(65) }],
    ['name', { name: '  ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['sku', { sku: 'SKU\u0000-1' }],
    ['name', { name: 'Ket\u0000tle' }],
    ['description', { description: 'nul \u0000 inside' }],
    ['price', { price: Money.of('-0.01', 'USD') }],
    ['price', { price: Money.of('10000000000.00', 'USD') }],
    ['stock', { stock: -1 }],
    ['stock', { stock: 1.5 }],
    ['stock', { stock: 2 ** 31 }],
  ])('refuses a bad %s', (field, override) => {
    try {
      Product.create({ ...valid, ...override });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }
  });

  it('accepts the largest price NUMERIC(12,2) holds and a free product', () => {
    expect(
      Product.create({ ...valid, price: Money.of('9999999999.99', 'USD') }).price.toDecimalString(),
    ).toBe('9999999999.99');
    expect(Product.create({ ...valid, price: Money.zero('USD') }).price.isZero()).toBe(true);
  });

  it('adjusts stock up and down to zero, never below', () => {
    const product = aProduct({ stock: 3 });
    expect(product.adjustStock(2).stock).toBe(5);
    expect(product.adjustStock(-3).stock).toBe(0);
    expect(() => product.adjustStock(-4)).toThrow(InsufficientStockError);
    expect(() => product.adjustStock(0.5)).toThrow(ValidationError);
  });

  it('reports how many units were wanted and available when short', () => {
    const product = aProduct({ stock: 3 });
    try {
      product.adjustStock(-5);
    } catch (error) {
      expect(error).toMatchObject({ productId: product.id.value, requested: 5, available: 3 });
    }
  });

  it('returns changed copies for name, description and price', () => {
    const product = aProduct();
    const changed = product.rename('New').changeDescription('Desc').changePrice(Money.of('1.00', 'USD'));
    expect(changed).toMatchObject({ name: 'New', description: 'Desc' });
    expect(changed.price.toDecimalString()).toBe('1.00');
    expect(product.name).not.toBe('New');
  });
});
