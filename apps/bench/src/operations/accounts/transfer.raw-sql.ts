import type { RawStatement } from '../raw-query';

/**
 * The whole transfer as one statement, with every guarantee of the adapter's: a stored transfer
 * under the key wins and nothing is locked; otherwise both accounts are locked in id order, the
 * verdict is taken on the locked rows, and only on 'ok' is the transfer recorded (ON CONFLICT
 * covers a concurrent twin) and the balances moved from the locked values.
 * $1 from, $2 to, $3 amount, $4 currency, $5 transfer id, $6 idempotency key, $7 now.
 */
export const TRANSFER_ONE_STATEMENT: RawStatement = {
  name: 'bench_transfer_one_statement',
  text: `
    WITH existing AS (SELECT 1 FROM transfers WHERE idempotency_key = $6),
    locked AS (
      SELECT id, balance, currency FROM accounts
      WHERE id IN ($1::uuid, $2::uuid) AND NOT EXISTS (SELECT 1 FROM existing)
      ORDER BY id
      FOR UPDATE
    ),
    verdict AS (
      SELECT CASE
        WHEN EXISTS (SELECT 1 FROM existing) THEN 'key_taken'
        WHEN count(*) < 2 THEN 'missing'
        WHEN bool_or(currency <> $4) THEN 'currency'
        WHEN bool_or(id = $1::uuid AND balance < $3::numeric) THEN 'insufficient'
        ELSE 'ok'
      END AS outcome
      FROM locked
    ),
    inserted AS (
      INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, idempotency_key, created_at)
      SELECT $5::uuid, $1::uuid, $2::uuid, $3::numeric, $4, $6, $7::timestamptz
      FROM verdict WHERE outcome = 'ok'
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING from_account_id, to_account_id, amount, currency
    ),
    moved AS (
      UPDATE accounts a
      SET balance = l.balance + CASE WHEN a.id = $1::uuid THEN -$3::numeric ELSE $3::numeric END,
          updated_at = $7::timestamptz
      FROM locked l
      WHERE a.id = l.id AND EXISTS (SELECT 1 FROM inserted)
      RETURNING a.id
    )
    SELECT outcome, (SELECT count(*) FROM moved)::int AS moved,
           i.from_account_id, i.to_account_id, i.amount, i.currency
    FROM verdict LEFT JOIN inserted i ON true`,
};

/** The steps of the textbook interactive transaction, each its own round trip. */
export const TRANSFER_STEPS = {
  findByKey: { name: 'bench_transfer_find_key', text: `SELECT id FROM transfers WHERE idempotency_key = $1` },
  lockBoth: {
    name: 'bench_transfer_lock',
    text: `SELECT id, balance, currency FROM accounts WHERE id IN ($1::uuid, $2::uuid) ORDER BY id FOR UPDATE`,
  },
  debit: {
    name: 'bench_transfer_debit',
    text: `UPDATE accounts SET balance = balance - $2::numeric, updated_at = $3 WHERE id = $1::uuid`,
  },
  credit: {
    name: 'bench_transfer_credit',
    text: `UPDATE accounts SET balance = balance + $2::numeric, updated_at = $3 WHERE id = $1::uuid`,
  },
  record: {
    name: 'bench_transfer_record',
    text: `INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, idempotency_key, created_at)
           VALUES ($1::uuid, $2::uuid, $3::uuid, $4::numeric, $5, $6, $7)`,
  },
} satisfies Record<string, RawStatement>;
