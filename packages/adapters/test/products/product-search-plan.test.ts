import { PageRequest } from '@stratum/domain';
import { ProductMother, RandomMother } from '@stratum/domain/testing';
import type { Prisma } from '@stratum/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase({ emitQueryEvents: true });
const queries: Prisma.QueryEvent[] = [];
const rare = RandomMother.word();

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** The plan PostgreSQL picks for the exact statement (and parameters) the repository just ran. */
async function planOfLastQuery(): Promise<PlanNode[]> {
  const last = queries.at(-1);
  if (!last) throw new Error('no query was captured');
  const { rows } = await handle.database.pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (FORMAT JSON) ${last.query}`,
    JSON.parse(last.params) as unknown[],
  );
  return nodesOf(rows[0]!['QUERY PLAN'][0]!.Plan);
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
  await handle.database.pool.query('ANALYZE products');
  // The client's type only offers 'query' events when built with a literal log option; ours is built at run time.
  const client = handle.database.prisma as unknown as {
    $on(event: 'query', listener: (event: Prisma.QueryEvent) => void): void;
  };
  client.$on('query', (event) => queries.push(event));
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
