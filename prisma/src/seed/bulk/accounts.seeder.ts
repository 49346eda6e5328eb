import { SEED_EPOCH, seedUuid } from './seed-sql';
import type { TableSeeder } from './table-seeder';

/** USD accounts of users 1..users in turn, each opened with `balance`. */
export function accountsSeeder(rows: number, users: number, balance: string): TableSeeder {
  return {
    table: 'accounts',
    rows,
    batch: (from, to) => ({
      values: [from, to, users, balance, SEED_EPOCH],
      text: `
        INSERT INTO accounts (id, owner_id, balance, currency, created_at, updated_at)
        SELECT ${seedUuid('account', 'g')}, ${seedUuid('user', '1 + (g - 1) % $3::bigint')},
               $4::numeric, 'USD', $5::timestamptz - g * interval '1 hour', $5::timestamptz - g * interval '1 hour'
        FROM generate_series($1::bigint, $2::bigint) AS g
        ON CONFLICT DO NOTHING`,
    }),
  };
}
