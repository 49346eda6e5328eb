import type { Product } from '@stratum/domain';
import type { z } from 'zod';
import type { ProductResponse } from '../schemas/product.schemas';

export function presentProduct(product: Product): z.infer<typeof ProductResponse> {
  return {
    id: product.id.value,
    sku: product.sku,
    name: product.name,
    description: product.description,
    price: product.price.toDecimalString(),
    currency: product.price.currency,
    stock: product.stock,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
