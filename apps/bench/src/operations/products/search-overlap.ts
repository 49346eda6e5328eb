/**
 * How far Stratum's product search order is from exact ts_rank order. Search ranks a bounded
 * set of candidates (see searchProductsSql in @stratum/adapters), so on a large catalogue a
 * common query can miss some of the truly best matches; this measures how many, against a
 * reference statement that ranks every match, in the same run and on the same data.
 */
import { PageRequest, type Repositories } from '@stratum/domain';
import type pg from 'pg';
import { PAGE_SIZE } from '../../fixtures/bench-fixtures';

/** The queries compared: the first of the bench's seeded query list, the same in every run. */
export const OVERLAP_QUERIES = 100;

export interface SearchOverlap {
  queries: number;
  /** Mean over the queries of |Stratum's top 20 ∩ exact top 20| / |exact top 20|, in percent. */
  meanPct: number;
  /** The worst single query, in percent. */
  minPct: number;
  /** Queries whose top 20 were exactly the reference's, in the same order. */
  identical: number;
}

// Every match ranked: the order Stratum's search gave before it bounded its candidates.
const EXACT = `
  SELECT p.id
  FROM products p, websearch_to_tsquery('english', $1) AS q(query)
  WHERE p.search_vector @@ q.query AND p.deleted_at IS NULL AND p.stock > 0
  ORDER BY ts_rank(p.search_vector, q.query) DESC, p.id
  LIMIT $2`;

export async function measureSearchOverlap(
  stratum: Repositories,
  raw: pg.Pool,
  queries: readonly string[],
): Promise<SearchOverlap> {
  const fixed = queries.slice(0, OVERLAP_QUERIES);
  const page = PageRequest.first(PAGE_SIZE);
  const shares: number[] = [];
  let identical = 0;
  for (const query of fixed) {
    const { rows } = await raw.query<{ id: string }>(EXACT, [query, PAGE_SIZE]);
    const exact = rows.map((row) => row.id);
    const got = (await stratum.products.search(query, page)).map((hit) => hit.product.id.value);
    const wanted = new Set(exact);
    const shared = got.filter((id) => wanted.has(id)).length;
    shares.push(exact.length === 0 ? 1 : shared / exact.length);
    if (got.join() === exact.join()) identical++;
  }
  const percent = (share: number) => Math.round(share * 1000) / 10;
  return {
    queries: fixed.length,
    meanPct: percent(shares.reduce((sum, share) => sum + share, 0) / Math.max(1, shares.length)),
    minPct: percent(shares.length === 0 ? 1 : Math.min(...shares)),
    identical,
  };
}

export function describeOverlap(overlap: SearchOverlap): string {
  return (
    `top-${PAGE_SIZE} overlap with exact ts_rank order over ${overlap.queries} fixed queries: ` +
    `${overlap.meanPct.toFixed(1)} % (worst query ${overlap.minPct.toFixed(0)} %, ` +
    `${overlap.identical} identical)`
  );
}
