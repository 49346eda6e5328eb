/** The statements of PrismaProductRepository that Prisma's query API cannot express. */
import { MAX_STOCK, type PageRequest, type Product } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';

/**
 * A products row under the model's field names. Price as text: NUMERIC(12,2) prints both
 * fraction digits, and pg and Prisma then return the same string (as numeric, a string and a
 * Decimal).
 */
export const PRODUCT_COLUMNS = Prisma.sql`p.id, p.sku, p.name, p.description, p.price::text AS price, p.currency,
  p.stock, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.deleted_at AS "deletedAt"`;

export function productsByIdsSql(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY (${ids}::uuid[]) AND p.deleted_at IS NULL`;
}

/**
 * One statement: insert, or update the live row with this id. Stock is left out of the update
 * (it moves only through adjustStock and orders), and created_at is the original one. No row is
 * affected when the id belongs to a soft-deleted product.
 */
export function upsertProductSql(product: Product): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO products (id, sku, name, description, price, currency, stock, created_at, updated_at)
    VALUES (
      ${product.id.value}::uuid, ${product.sku}, ${product.name}, ${product.description},
      ${product.price.toDecimalString()}::numeric, ${product.price.currency}, ${product.stock}::int,
      ${product.createdAt}::timestamptz, ${product.updatedAt}::timestamptz
    )
    ON CONFLICT (id) DO UPDATE SET
      sku = EXCLUDED.sku,
      name = EXCLUDED.name,
      description = EXCLUDED.description,
      price = EXCLUDED.price,
      currency = EXCLUDED.currency,
      updated_at = EXCLUDED.updated_at
    WHERE products.deleted_at IS NULL`;
}

/**
 * The guard is the decision: the row changes only if the result stays within 0..MAX_STOCK, so
 * no concurrent reader can slip between a check and the write. Computed in bigint so that any
 * safe-integer delta is compared rather than overflowing.
 */
export function adjustStockSql(id: string, delta: number, now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE products
    SET stock = (stock + ${delta}::bigint)::int, updated_at = ${now}::timestamptz
    WHERE id = ${id}::uuid
      AND deleted_at IS NULL
      AND stock + ${delta}::bigint BETWEEN 0 AND ${MAX_STOCK}::bigint
    RETURNING stock`;
}

/**
 * Full text over the generated, weighted search_vector. The predicates repeat the partial GIN
 * index's `deleted_at IS NULL` so the planner can use products_search_idx; id breaks rank ties
 * so that offset pages neither skip nor repeat a product.
 */
export function searchProductsSql(text: string, page: PageRequest): Prisma.Sql {
  return Prisma.sql`
    SELECT ${PRODUCT_COLUMNS}, ts_rank(p.search_vector, q.query) AS rank
    FROM products p, websearch_to_tsquery('english', ${text}) AS q(query)
    WHERE p.search_vector @@ q.query
      AND p.deleted_at IS NULL
      AND p.stock > 0
    ORDER BY rank DESC, p.id
    LIMIT ${page.limit}::int OFFSET ${page.offset}::bigint`;
}
