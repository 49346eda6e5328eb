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

/** One id alone is asked with `=`, as usersByIds says why. */
export function productsByIdsSql(ids: readonly string[]): Prisma.Sql {
  if (ids.length === 1) {
    return Prisma.sql`
    SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ${ids[0]}::uuid AND p.deleted_at IS NULL`;
  }
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
 * How many matches a search ranks by default: see searchProductsSql. On the bench's 1M-product
 * catalogue, 1,000 left 94 of 100 fixed two-word queries ranked exactly and kept 98.5 % of the
 * exact top 20 overall, while bounding the heap pages a common query visits.
 */
export const DEFAULT_SEARCH_CANDIDATES = 1_000;

/**
 * Full text over the generated, weighted search_vector. Ranking needs every match's tsvector
 * from the heap, and a common query matches thousands of rows on pages scattered over the whole
 * table: that, not the GIN index, was the time of a slow search. So the statement ranks at most
 * `candidates` matches, the first the scan finds, and the order is ts_rank over those: exact
 * whenever a query matches no more than that, an approximation above it. A page that reaches
 * past the candidates ranks every match (LIMIT NULL is no limit), exactly.
 *
 * The CTE is MATERIALIZED so that the planner plans the scan for every match (the GIN bitmap,
 * which yields rows in table order, the same on every call) while the executor still stops
 * after `candidates` rows: with the LIMIT in view the planner would prefer a sequential scan for
 * a common word, and a sequential scan may start mid-table (synchronize_seqscans), so two pages
 * of one query could rank different candidates.
 *
 * The candidates carry the columns a page returns and their rank, not the tsvector: rows carried
 * whole through the CTE's tuplestore and the sort made a common query's search at 1M products
 * some 20 % slower at p99 (apps/bench/README.md). Reading only ids and the page's rows again by
 * key did as well for those and cost small catalogues the extra lookups.
 *
 * The predicates repeat the partial GIN index's `deleted_at IS NULL` so the planner can use
 * products_search_idx; id breaks rank ties so that offset pages neither skip nor repeat a product.
 */
export function searchProductsSql(text: string, page: PageRequest, candidates: number): Prisma.Sql {
  const bound = page.offset + page.limit <= candidates ? candidates : null;
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT ${PRODUCT_COLUMNS}, ts_rank(p.search_vector, q.query) AS rank
      FROM products p, websearch_to_tsquery('english', ${text}) AS q(query)
      WHERE p.search_vector @@ q.query
        AND p.deleted_at IS NULL
        AND p.stock > 0
    )
    SELECT *
    FROM (SELECT * FROM matches LIMIT ${bound}::bigint) AS m
    ORDER BY m.rank DESC, m.id
    LIMIT ${page.limit}::int OFFSET ${page.offset}::bigint`;
}
