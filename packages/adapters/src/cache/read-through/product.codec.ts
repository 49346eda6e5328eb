import { Money, Product, ProductId, type ProductSearchHit } from '@stratum/domain';
import {
  asArray,
  asRecord,
  dateField,
  jsonCodec,
  nullable,
  nullableDateField,
  numberField,
  recordField,
  stringField,
  type CacheCodec,
} from './cache.codec';

/** Bump when the shapes below change: it is part of the key, so a new deploy never reads an old shape. */
export const PRODUCT_FORMAT_VERSION = 1;

function productToJson(product: Product): unknown {
  return {
    id: product.id.value,
    sku: product.sku,
    name: product.name,
    description: product.description,
    // Money as an exact decimal string: a float would turn 0.30 into 0.30000000000000004.
    price: { amount: product.price.toDecimalString(), currency: product.price.currency },
    stock: product.stock,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    deletedAt: product.deletedAt?.toISOString() ?? null,
  };
}

function productFromJson(json: unknown): Product {
  const record = asRecord(json, 'product');
  const price = recordField(record, 'price');
  return Product.reconstitute({
    id: ProductId.of(stringField(record, 'id')),
    sku: stringField(record, 'sku'),
    name: stringField(record, 'name'),
    description: stringField(record, 'description'),
    price: Money.of(stringField(price, 'amount'), stringField(price, 'currency')),
    stock: numberField(record, 'stock'),
    createdAt: dateField(record, 'createdAt'),
    updatedAt: dateField(record, 'updatedAt'),
    deletedAt: nullableDateField(record, 'deletedAt'),
  });
}

export const nullableProductCodec: CacheCodec<Product | null> = nullable(
  jsonCodec(productToJson, productFromJson),
);

export const productSearchCodec: CacheCodec<ProductSearchHit[]> = jsonCodec(
  (hits: ProductSearchHit[]) => hits.map((hit) => ({ rank: hit.rank, product: productToJson(hit.product) })),
  (json) =>
    asArray(json, 'search hits').map((item) => {
      const hit = asRecord(item, 'search hit');
      return { rank: numberField(hit, 'rank'), product: productFromJson(hit['product']) };
    }),
);
