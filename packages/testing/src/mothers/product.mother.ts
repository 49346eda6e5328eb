import { type Money, Product } from '@stratum/domain';
import { MoneyMother } from './money.mother';
import { RandomMother } from './random.mother';

export interface ProductOverrides {
  readonly sku?: string;
  readonly name?: string;
  readonly description?: string;
  readonly price?: Money;
  readonly stock?: number;
  readonly createdAt?: Date;
}

/** New, unsaved products: in stock, priced in USD, with a unique SKU. */
export const ProductMother = {
  random(overrides: ProductOverrides = {}): Product {
    return Product.create({
      sku: overrides.sku ?? `SKU-${RandomMother.token(5).toUpperCase()}`,
      name: overrides.name ?? `Widget ${RandomMother.word(8)}`,
      description: overrides.description ?? 'A dependable everyday widget.',
      price: overrides.price ?? MoneyMother.randomPrice(),
      stock: overrides.stock ?? 100,
      ...(overrides.createdAt ? { now: overrides.createdAt } : {}),
    });
  },
};
