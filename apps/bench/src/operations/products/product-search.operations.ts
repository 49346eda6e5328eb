import { DEFAULT_SEARCH_CANDIDATES } from '@stratum/adapters';
import { PageRequest } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import { PAGE_SIZE } from '../../fixtures/bench-fixtures';
import { defineOperation, type BenchOperation } from '../../harness/bench-operation';
import type { Random } from '../../harness/random';
import { rawRows, type RawStatement } from '../raw-query';

// Stratum's statement (searchProductsSql): ts_rank over at most $2 matches, the first the scan finds.
export const PRODUCT_SEARCH: RawStatement = {
  name: 'bench_product_search',
  text: `
    WITH matches AS MATERIALIZED (
      SELECT p.id, p.sku, p.name, p.description, p.price, p.currency, p.stock,
             p.created_at, p.updated_at, p.deleted_at, ts_rank(p.search_vector, q.query) AS rank
      FROM products p, websearch_to_tsquery('english', $1) AS q(query)
      WHERE p.search_vector @@ q.query AND p.deleted_at IS NULL AND p.stock > 0
    )
    SELECT * FROM (SELECT * FROM matches LIMIT $2) AS p
    ORDER BY rank DESC, p.id
    LIMIT $3`,
};

/**
 * Full-text search of a catalogue of `size` products, best match first. Plain Prisma has no
 * full-text search without a preview feature, so the typical app ANDs `contains` filters, one
 * per word over name and description: no index can serve that, every call scans the table
 * until it has a page (and it returns matches in no particular order).
 */
export function productSearchOperation(
  clients: BenchClients,
  size: number,
  queries: readonly string[],
): BenchOperation {
  const { stratum, prisma, raw, drizzle } = clients;
  const page = PageRequest.first(PAGE_SIZE);
  const label =
    size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1_000 ? `${size / 1_000}k` : String(size);
  return defineOperation(
    `product-search-${label}`,
    `product full-text search, ${label} products`,
    (random: Random) => random.pick(queries),
    {
      stratum: (query) => stratum.products.search(query, page),
      raw: (query) => rawRows(raw, PRODUCT_SEARCH, [query, DEFAULT_SEARCH_CANDIDATES, PAGE_SIZE]),
      drizzle: (query) =>
        drizzle.productSearch.execute({ query, candidates: DEFAULT_SEARCH_CANDIDATES, limit: PAGE_SIZE }),
      prisma: (query) =>
        prisma.product.findMany({
          where: {
            deletedAt: null,
            stock: { gt: 0 },
            AND: query.split(' ').map((word) => ({
              OR: [
                { name: { contains: word, mode: 'insensitive' as const } },
                { description: { contains: word, mode: 'insensitive' as const } },
              ],
            })),
          },
          take: PAGE_SIZE,
        }),
    },
  );
}
