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
 */
export function transferFundsSql(transfer: Transfer): Prisma.Sql {
  const from = transfer.fromAccountId.value;
  const to = transfer.toAccountId.value;
  const amount = transfer.amount.toDecimalString();
  const currency = transfer.amount.currency;
  const at = transfer.createdAt;
  return Prisma.sql`
    WITH existing AS (
      SELECT id FROM transfers WHERE idempotency_key = ${transfer.idempotencyKey}
    ),
    locked AS (
      SELECT id, balance, currency FROM accounts
      WHERE id IN (${from}::uuid, ${to}::uuid) AND NOT EXISTS (SELECT 1 FROM existing)
      ORDER BY id
      FOR UPDATE
    ),
    verdict AS (
      SELECT CASE
        WHEN EXISTS (SELECT 1 FROM existing) THEN 'key_taken'
        WHEN NOT EXISTS (SELECT 1 FROM locked WHERE id = ${from}::uuid) THEN 'from_missing'
        WHEN NOT EXISTS (SELECT 1 FROM locked WHERE id = ${to}::uuid) THEN 'to_missing'
        WHEN (SELECT currency FROM locked WHERE id = ${from}::uuid) <> ${currency} THEN 'from_currency'
        WHEN (SELECT currency FROM locked WHERE id = ${to}::uuid) <> ${currency} THEN 'to_currency'
        WHEN (SELECT balance FROM locked WHERE id = ${from}::uuid) < ${amount}::numeric THEN 'insufficient'
        ELSE 'ok'
      END AS outcome
    ),
    inserted AS (
      INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, idempotency_key, created_at)
      SELECT ${transfer.id.value}::uuid, ${from}::uuid, ${to}::uuid, ${amount}::numeric, ${currency},
             ${transfer.idempotencyKey}, ${at}::timestamptz
      FROM verdict WHERE outcome = 'ok'
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id
    ),
    moved AS (
      -- The new balance comes from the locked row, not from this UPDATE's own scan: that scan sees
      -- the statement's snapshot, and PostgreSQL checks CHECK constraints on the row computed
      -- from it before re-reading the latest version, so "balance - amount" would fail the
      -- balance CHECK whenever a concurrent credit made a transfer affordable.
      UPDATE accounts a
      SET balance = l.balance + CASE WHEN a.id = ${from}::uuid THEN -${amount}::numeric ELSE ${amount}::numeric END,
          updated_at = ${at}::timestamptz
      FROM locked l
      WHERE a.id = l.id AND EXISTS (SELECT 1 FROM inserted)
      RETURNING a.id
    )
    SELECT verdict.outcome,
           (SELECT count(*) FROM moved) = 2 AS moved,
           (SELECT currency FROM locked WHERE id = ${from}::uuid) AS from_currency,
           (SELECT currency FROM locked WHERE id = ${to}::uuid) AS to_currency
    FROM verdict`;
}
