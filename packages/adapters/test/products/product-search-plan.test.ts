import { PageRequest } from '@stratum/domain';
import { ProductMother, RandomMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, explain, nodesOf, type PlanNode, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase({ emitQueryEvents: true });
const rare = RandomMother.word();
let capture: QueryCapture;

/** The plan PostgreSQL picks for the exact statement (and parameters) the repository just ran. */
async function planOfLastQuery(): Promise<PlanNode[]> {
  const last = capture.take().at(-1);
  if (!last) throw new Error('no query was captured');
  return nodesOf(await explain(handle.database.pool, last));
}

beforeAll(async () => {
  // 50,000 products of a few common words, and a handful with a rare one; then fresh statistics.
  await handle.database.pool.query(`
    INSERT INTO products (sku, name, description, price, currency, stock)
      SELECT 'BULK-' || g,
             'Bulk ' || (ARRAY['kettle', 'toaster', 'blender', 'grill', 'mixer'])[1 + g % 5] || ' ' || g,
             'An ordinary appliance, model ' || md5(g::text),
             1.00, 'USD', g % 7
      FROM generate_series(1, 50000) g;
  `);
  for (let i = 0; i < 5; i++) {
    await prismaSubject(handle).products.save(ProductMother.random({ name: `Bulk ${rare} kettle ${i}` }));
  }
  await handle.analyze('products');
  capture = captureQueries(handle.database.prisma);
});

describe('the plan of a product search, among 50,000 products', () => {
  it('looks a selective word up in the full-text GIN index instead of scanning the table', async () => {
    const hits = await prismaSubject(handle).products.search(rare, PageRequest.of({ limit: 20 }));
    expect(hits).toHaveLength(5);

    const nodes = await planOfLastQuery();

    expect(nodes.map((node) => node['Index Name'])).toContain('products_search_idx');
    expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
  });

  it('uses the same index for several words and for web-search syntax', async () => {
    for (const query of [`${rare} kettle`, `"bulk ${rare}" -toaster`]) {
      await prismaSubject(handle).products.search(query, PageRequest.of({ limit: 20 }));

      const nodes = await planOfLastQuery();

      expect(
        nodes.map((node) => node['Index Name']),
        query,
      ).toContain('products_search_idx');
    }
  });
});
