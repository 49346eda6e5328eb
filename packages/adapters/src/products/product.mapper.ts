import { Money, Product, ProductId } from '@stratum/domain';
import type { ProductModel } from '@stratum/prisma';

/** A products row as Prisma's model names its columns; raw queries alias theirs to match. */
export type ProductRecord = ProductModel;

export function toDomainProduct(record: ProductRecord): Product {
  return Product.reconstitute({
    id: ProductId.of(record.id),
    sku: record.sku,
    name: record.name,
    description: record.description,
    // toFixed keeps both fraction digits; toString may drop them or switch to exponent notation.
    price: Money.of(record.price.toFixed(2), record.currency),
    stock: record.stock,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
  });
}
