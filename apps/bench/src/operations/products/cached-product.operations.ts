import { DEFAULT_SEARCH_CANDIDATES } from '@stratum/adapters';
import { PageRequest, ProductId } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import type { BenchFixtures } from '../../fixtures/bench-fixtures';
import { PAGE_SIZE } from '../../fixtures/bench-fixtures';
import { defineOperation, readAll, type BenchOperation } from '../../harness/bench-operation';
import type { Random } from '../../harness/random';
import { rawRows, type RawStatement } from '../raw-query';
import { PRODUCT_SEARCH } from './product-search.operations';

const PRODUCT_BY_ID: RawStatement = {
  name: 'bench_product_by_id',
  text: `SELECT id, sku, name, description, price, currency, stock, created_at, updated_at, deleted_at
         FROM products WHERE id = $1 AND deleted_at IS NULL`,
};

/**
 * Stratum's cached product reads (by id, and a search page of the main catalogue) against the
 * uncached SQL of raw pg and Drizzle: the point is what the cache adds over the database. Empty
 * without Redis.
 */
export function cachedProductOperations(
  clients: BenchClients,
  fixtures: BenchFixtures,
  queries: readonly string[],
): BenchOperation[] {
  const { cached, prisma, raw, drizzle } = clients;
  if (!cached) return [];
  const page = PageRequest.first(PAGE_SIZE);
  return [
    {
      ...defineOperation(
        'product-by-id-cached',
        'product by id, Redis cache',
        (random: Random) => random.pick(fixtures.products),
        {
          stratum: (id) => cached.products.findById(ProductId.of(id)),
          raw: (id) => rawRows(raw, PRODUCT_BY_ID, [id]),
          drizzle: (id) => drizzle.productById.execute({ id }),
          prisma: (id) => prisma.product.findUnique({ where: { id } }),
        },
      ),
      cacheReads: () => cached.reads(),
      warm: () => readAll(fixtures.products, (id) => cached.products.findById(ProductId.of(id))),
    },
    {
      ...defineOperation(
        'product-search-cached',
        'product search page, Redis cache',
        (random: Random) => random.pick(queries),
        {
          stratum: (query) => cached.products.search(query, page),
          raw: (query) => rawRows(raw, PRODUCT_SEARCH, [query, DEFAULT_SEARCH_CANDIDATES, PAGE_SIZE]),
          drizzle: (query) =>
            drizzle.productSearch.execute({ query, candidates: DEFAULT_SEARCH_CANDIDATES, limit: PAGE_SIZE }),
        },
      ),
      cacheReads: () => cached.reads(),
      warm: () => readAll(queries, (query) => cached.products.search(query, page)),
    },
  ];
}
