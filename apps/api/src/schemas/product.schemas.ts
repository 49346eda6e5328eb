import {
  MAX_PRODUCT_DESCRIPTION_LENGTH,
  MAX_PRODUCT_NAME_LENGTH,
  MAX_SKU_LENGTH,
  MAX_STOCK,
} from '@stratum/domain';
import { z } from 'zod';
import { Currency, DecimalAmount, OffsetQuery, Timestamp, Uuid } from './common.schemas';

export const CreateProductBody = z.strictObject({
  sku: z.string().min(1).max(MAX_SKU_LENGTH),
  name: z.string().min(1).max(MAX_PRODUCT_NAME_LENGTH),
  description: z.string().max(MAX_PRODUCT_DESCRIPTION_LENGTH).optional(),
  price: DecimalAmount,
  currency: Currency,
  stock: z.number().int().min(0).max(MAX_STOCK).optional(),
});

export const AdjustStockBody = z.strictObject({
  /** Added to the stock; negative to take units out. The stock never goes below zero. */
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK)
    .max(MAX_STOCK)
    .refine((delta) => delta !== 0, 'must not be zero'),
});

export const ProductSearchQuery = OffsetQuery.extend({
  /** Words to look for in names and descriptions; any text is safe, none of it is query syntax. */
  q: z.string().max(200),
});

export const ProductResponse = z
  .object({
    id: Uuid,
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    price: z.string(),
    currency: z.string(),
    stock: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Product' });

export const StockResponse = z.object({ id: Uuid, stock: z.number().int() });

export const ProductSearchResponse = z.object({
  items: z.array(ProductResponse.extend({ rank: z.number() })),
});
