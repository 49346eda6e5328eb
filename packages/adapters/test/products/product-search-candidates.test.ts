import { PageRequest, type Product } from '@stratum/domain';
import { ProductMother, RandomMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaProductRepository } from '../../src/products/prisma-product.repository';
import { useTestDatabase } from '../support/test-database';

const handle = useTestDatabase();
const word = RandomMother.word();
let weak: Product[];
let strong: Product;

/** A repository that ranks at most `candidates` matches of a search. */
const bounded = (candidates?: number) =>
  new PrismaProductRepository(handle.database.prisma, handle.database.prisma, { candidates });
const ids = (hits: ReadonlyArray<{ product: Product }>) => hits.map((hit) => hit.product.id.value);

/** Every match, ranked the way search ranked before it bounded its candidates. */
async function exactOrder(): Promise<string[]> {
  const { rows } = await handle.database.pool.query<{ id: string }>(
    `SELECT p.id FROM products p, websearch_to_tsquery('english', $1) q(query)
     WHERE p.search_vector @@ q.query AND p.deleted_at IS NULL AND p.stock > 0
     ORDER BY ts_rank(p.search_vector, q.query) DESC, p.id`,
    [word],
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  // Saved in this order into a fresh table, with SKUs in the same order: whichever way the
  // planner reads so few rows (the table, the GIN bitmap, the SKU index), it meets the four weak
  // matches before the strong one.
  const sku = (i: number) => `CAND-${word}-${i}`.toUpperCase();
  weak = [];
  for (let i = 0; i < 4; i++) {
    const product = ProductMother.random({
      sku: sku(i),
      name: `Plain item ${i}`,
      description: `Mentions ${word} once.`,
    });
    await bounded().save(product);
    weak.push(product);
  }
  strong = ProductMother.random({
    sku: sku(4),
    name: `${word} ${word}`,
    description: `${word} through and through`,
  });
  await bounded().save(strong);
});

describe('product search with a bound on the matches it ranks', () => {
  it('ranks every match exactly when there are no more than the bound', async () => {
    const hits = await bounded(5).search(word, PageRequest.of({ limit: 5 }));

    expect(ids(hits)).toEqual(await exactOrder());
    expect(ids(hits)[0]).toBe(strong.id.value);
  });

  it('ranks only the first matches the scan finds when a query matches more', async () => {
    const hits = await bounded(3).search(word, PageRequest.of({ limit: 3 }));

    expect(hits).toHaveLength(3);
    expect(ids(hits)).not.toContain(strong.id.value);
    expect(hits.map((hit) => hit.rank)).toEqual([...hits.map((hit) => hit.rank)].sort((a, b) => b - a));
  });

  it('pages within the bound rank the same candidates, so they neither skip nor repeat', async () => {
    const whole = ids(await bounded(3).search(word, PageRequest.of({ limit: 3 })));
    const pages: string[] = [];
    for (let offset = 0; offset < 3; offset++)
      pages.push(...ids(await bounded(3).search(word, PageRequest.of({ limit: 1, offset }))));

    expect(pages).toEqual(whole);
  });

  it('ranks every match for a page that reaches past the bound', async () => {
    const deep = await bounded(3).search(word, PageRequest.of({ limit: 2, offset: 2 }));

    expect(ids(deep)).toEqual((await exactOrder()).slice(2, 4));
  });

  it('refuses a bound that is not a whole number of at least 1', () => {
    for (const candidates of [0, -1, 1.5, Number.NaN]) expect(() => bounded(candidates)).toThrow(RangeError);
  });
});
