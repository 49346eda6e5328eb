import { Money, Product, ProductId } from '@stratum/domain';
import type { ProductModel } from '@stratum/prisma';

/** A products row as our statements return it (product.sql.ts): the model's names, price as text. */
export type ProductRecord = Omit<ProductModel, 'price' | 'searchVector'> & { readonly price: string };

export function toDomainProduct(record: ProductRecord): Product {
  return Product.reconstitute({
    id: ProductId.of(record.id),
    sku: record.sku,
    name: record.name,
    description: record.description,
    price: Money.of(record.price, record.currency),
    stock: record.stock,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
  });
}
