import { Prisma } from '@stratum/prisma';
import type { CursorPageRequest } from '@stratum/domain';

/**
 * One page of an account's transfers, both directions, newest first, in one round trip. Each
 * direction is its own index range scan (transfers_from_created_idx, transfers_to_created_idx)
 * cut at limit + 1 before the two are merged, so page 1000 costs what page 1 does. The outer
 * LEFT JOIN from accounts yields no row at all for an unknown account, and one row with null
 * transfer columns for an account without transfers.
 */
export function transferHistorySql(accountId: string, page: CursorPageRequest): Prisma.Sql {
  const take = page.limit + 1;
  const after = page.position
    ? Prisma.sql`AND (t.created_at, t.id) < (${page.position.createdAt}::timestamptz, ${page.position.id}::uuid)`
    : Prisma.empty;
  const direction = (column: Prisma.Sql) => Prisma.sql`
    SELECT t.id, t.from_account_id, t.to_account_id, t.amount::text AS amount, t.currency,
           t.idempotency_key, t.created_at
    FROM transfers t
    WHERE ${column} = ${accountId}::uuid ${after}
    ORDER BY t.created_at DESC, t.id DESC
    LIMIT ${take}`;
  return Prisma.sql`
    SELECT h.*
    FROM accounts a
    LEFT JOIN LATERAL (
      SELECT * FROM (
        (${direction(Prisma.sql`t.from_account_id`)})
        UNION ALL
        (${direction(Prisma.sql`t.to_account_id`)})
      ) both_ways
      ORDER BY created_at DESC, id DESC
      LIMIT ${take}
    ) h ON true
    WHERE a.id = ${accountId}::uuid`;
}
