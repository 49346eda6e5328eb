import { ADJECTIVES, BRANDS, CLOSINGS, COLOURS, FEATURES, MATERIALS, NOUNS, USES } from './catalogue-words';
import { SEED_EPOCH, pick, seedUuid, unit } from './seed-sql';
import type { TableSeeder } from './table-seeder';

/** Stock large enough that benchmark orders never run out; 3% of products are out of stock. */
export const SEEDED_STOCK = 1_000_000;

/**
 * Names like "Nordvik Compact Olive Kettle" and two-sentence descriptions drawn from skewed word
 * lists, so that the full-text index sees a realistic spread of common and rare terms.
 */
export function productsSeeder(rows: number): TableSeeder {
  const lists = [BRANDS, ADJECTIVES, COLOURS, MATERIALS, NOUNS, USES, FEATURES, CLOSINGS];
  return {
    table: 'products',
    rows,
    batch: (from, to) => ({
      values: [from, to, ...lists, SEED_EPOCH, SEEDED_STOCK],
      text: `
        INSERT INTO products (id, sku, name, description, price, currency, stock, created_at, updated_at)
        SELECT ${seedUuid('product', 'g')},
               'SKU-' || lpad(g::text, 9, '0'),
               w.brand || ' ' || initcap(w.adjective) || ' ' || initcap(w.colour) || ' ' || initcap(w.noun),
               'A ' || w.adjective || ' ' || w.noun || ' in ' || w.colour || ' ' || w.material
                 || ', made for ' || w.use || '. Comes with ' || w.f1 || ', ' || w.f2 || ' and ' || w.f3
                 || '. ' || w.closing,
               round((4.99 + 495 * power(${unit('g', 20)}, 2))::numeric, 2),
               'USD',
               CASE WHEN ${unit('g', 21)} < 0.03 THEN 0 ELSE $12::int END,
               $11::timestamptz - g * interval '30 seconds',
               $11::timestamptz - g * interval '30 seconds'
        FROM generate_series($1::bigint, $2::bigint) AS g,
        LATERAL (
          SELECT ${pick('$3::text[]', 'g', 1, 1.3)} AS brand,
                 ${pick('$4::text[]', 'g', 2, 1.5)} AS adjective,
                 ${pick('$5::text[]', 'g', 3, 1.3)} AS colour,
                 ${pick('$6::text[]', 'g', 4, 1.5)} AS material,
                 ${pick('$7::text[]', 'g', 5, 1.5)} AS noun,
                 ${pick('$8::text[]', 'g', 6)} AS use,
                 ${pick('$9::text[]', 'g', 7)} AS f1,
                 ${pick('$9::text[]', 'g', 8)} AS f2,
                 ${pick('$9::text[]', 'g', 9)} AS f3,
                 ${pick('$10::text[]', 'g', 10)} AS closing
        ) AS w
        ON CONFLICT DO NOTHING`,
    }),
  };
}
