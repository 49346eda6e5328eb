import { FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS } from './people-words';
import { SEED_EPOCH, pick, seedUuid, unit } from './seed-sql';
import type { TableSeeder } from './table-seeder';

/** 85% active, 10% inactive, 5% suspended; one in 97 soft-deleted. One every five minutes back from the epoch. */
export function usersSeeder(rows: number): TableSeeder {
  return {
    table: 'users',
    rows,
    batch: (from, to) => ({
      values: [from, to, FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS, SEED_EPOCH],
      text: `
        INSERT INTO users (id, email, name, password_hash, status, preferences, created_at, updated_at, deleted_at)
        SELECT ${seedUuid('user', 'g')},
               lower(w.first || '.' || replace(w.last, ' ', '') || '.' || g || '@' || w.domain),
               w.first || ' ' || w.last,
               '!',
               CASE WHEN w.s < 0.85 THEN 'ACTIVE' WHEN w.s < 0.95 THEN 'INACTIVE' ELSE 'SUSPENDED' END::user_status,
               jsonb_build_object('newsletter', w.s < 0.3),
               w.at, w.at,
               CASE WHEN g % 97 = 0 THEN w.at + interval '30 days' END
        FROM generate_series($1::bigint, $2::bigint) AS g,
        LATERAL (
          SELECT ${pick('$3::text[]', 'g', 1)} AS first,
                 ${pick('$4::text[]', 'g', 2, 1.5)} AS last,
                 ${pick('$5::text[]', 'g', 3)} AS domain,
                 ${unit('g', 4)} AS s,
                 $6::timestamptz - g * interval '5 minutes' AS at
        ) AS w
        ON CONFLICT DO NOTHING`,
    }),
  };
}
