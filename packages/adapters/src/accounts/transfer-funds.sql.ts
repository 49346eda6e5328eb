import { Prisma } from '@stratum/prisma';
import type { Transfer } from '@stratum/domain';

export type TransferOutcome =
  'moved' | 'key_taken' | 'from_missing' | 'to_missing' | 'from_currency' | 'to_currency' | 'insufficient';

export interface TransferFundsRow {
  outcome: TransferOutcome | 'ok';
  moved: boolean;
  from_currency: string | null;
  to_currency: string | null;
}

/**
 * A whole transfer as one statement, so one round trip and its own transaction:
 *   1. a transfer already stored under the idempotency key wins (the caller then reads it), and
 *      nothing is locked;
 *   2. otherwise both accounts are locked in id order, whatever the direction, so two
 *      transfers between the same accounts queue instead of deadlocking;
 *   3. the verdict (existence, currency, funds) is taken on the locked rows, which under READ
 *      COMMITTED are the latest committed versions;
 *   4. only on 'ok' are the transfer inserted and the balances moved. A concurrent request with
 *      the same key that committed first makes the insert a no-op (ON CONFLICT), and then no
 *      balance moves either: `moved` is false and the caller reads the winner.
 * The balance CHECK (>= 0) backs the funds test should anything ever slip past it.
 *
 * Prisma.sql gives every interpolation a parameter of its own, so each value is bound once, in
 * `input`, and read from there: 7 parameters instead of 24, each converted and sent by the
 * driver on every call. The casts keep the types the columns gave the parameters before
 * (bpchar and varchar compare as the columns do).
 */
export function transferFundsSql(transfer: Transfer): Prisma.Sql {
  return Prisma.sql`
    WITH input AS (
      SELECT ${transfer.fromAccountId.value}::uuid AS from_id, ${transfer.toAccountId.value}::uuid AS to_id,
             ${transfer.amount.toDecimalString()}::numeric AS amount, ${transfer.amount.currency}::bpchar AS currency,
             ${transfer.idempotencyKey}::varchar AS idempotency_key, ${transfer.createdAt}::timestamptz AS at
    ),
    existing AS (
      SELECT id FROM transfers WHERE idempotency_key = (SELECT idempotency_key FROM input)
    ),
    locked AS (
      SELECT id, balance, currency FROM accounts
      WHERE id IN ((SELECT from_id FROM input), (SELECT to_id FROM input))
        AND NOT EXISTS (SELECT 1 FROM existing)
      ORDER BY id
      FOR UPDATE
    ),
    verdict AS (
      SELECT CASE
        WHEN EXISTS (SELECT 1 FROM existing) THEN 'key_taken'
        WHEN f.id IS NULL THEN 'from_missing'
        WHEN t.id IS NULL THEN 'to_missing'
        WHEN f.currency <> i.currency THEN 'from_currency'
        WHEN t.currency <> i.currency THEN 'to_currency'
        WHEN f.balance < i.amount THEN 'insufficient'
        ELSE 'ok'
      END AS outcome,
      f.currency AS from_currency, t.currency AS to_currency
      FROM input i
      LEFT JOIN locked f ON f.id = i.from_id
      LEFT JOIN locked t ON t.id = i.to_id
    ),
    inserted AS (
      INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, idempotency_key, created_at)
      SELECT ${transfer.id.value}::uuid, i.from_id, i.to_id, i.amount, i.currency, i.idempotency_key, i.at
      FROM input i, verdict v WHERE v.outcome = 'ok'
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id
    ),
    moved AS (
      -- The new balance comes from the locked row, not from this UPDATE's own scan: that scan sees
      -- the statement's snapshot, and PostgreSQL checks CHECK constraints on the row computed
      -- from it before re-reading the latest version, so "balance - amount" would fail the
      -- balance CHECK whenever a concurrent credit made a transfer affordable.
      UPDATE accounts a
      SET balance = l.balance + CASE WHEN a.id = i.from_id THEN -i.amount ELSE i.amount END,
          updated_at = i.at
      FROM locked l, input i
      WHERE a.id = l.id AND EXISTS (SELECT 1 FROM inserted)
      RETURNING a.id
    )
    SELECT v.outcome, (SELECT count(*) FROM moved) = 2 AS moved, v.from_currency, v.to_currency
    FROM verdict v`;
}
