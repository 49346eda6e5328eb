import { SEED_EPOCH, seedUuid, unit } from './seed-sql';
import type { TableSeeder } from './table-seeder';

/**
 * A history of transfers between the seeded accounts, so that the transfers table and its
 * indexes have a realistic size: a statement planned on an empty table (a generic plan of a
 * prepared statement, say) would otherwise look fast here and crawl in production. The history
 * does not add up to the balances; the accounts keep their opening balance.
 */
export function transfersSeeder(rows: number, accounts: number): TableSeeder {
  return {
    table: 'transfers',
    rows,
    batch: (from, to) => ({
      values: [from, to, accounts, SEED_EPOCH],
      text: `
        INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, idempotency_key, created_at)
        SELECT ${seedUuid('transfer', 'g')},
               ${seedUuid('account', 'a.source')},
               -- Another account: an offset of 1 to accounts - 1 from the source.
               ${seedUuid('account', '1 + (a.source - 1 + 1 + g % ($3::bigint - 1)) % $3::bigint')},
               round((1 + 499 * ${unit('g', 1)})::numeric, 2),
               'USD',
               'seed:' || g,
               $4::timestamptz - g * interval '1 minute'
        FROM generate_series($1::bigint, $2::bigint) AS g,
        LATERAL (SELECT 1 + (g * 7919) % $3::bigint AS source) AS a
        ON CONFLICT DO NOTHING`,
    }),
  };
}
