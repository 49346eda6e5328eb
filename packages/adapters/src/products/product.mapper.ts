import { Product } from '@stratum/domain';
import type { ProductModel } from '@stratum/prisma';

/** A products row as our statements return it (product.sql.ts): the model's names, price as text. */
export type ProductRecord = Omit<ProductModel, 'price' | 'searchVector'> & { readonly price: string };

/** Our own row: rebuilt without re-running the rules its writer already ran (Product.fromStored). */
export function toDomainProduct(record: ProductRecord): Product {
  return Product.fromStored(record);
}
