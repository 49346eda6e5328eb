import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { rawRows } from '../raw-query';
import { TransferRefusedError, type TransferRequest } from './transfer-request';
import { TRANSFER_ONE_STATEMENT, TRANSFER_STEPS } from './transfer.raw-sql';

/** The baseline: one round trip, the statement is its own transaction. */
export async function transferOneStatement(pool: pg.Pool, request: TransferRequest): Promise<TransferRecord> {
  const [row] = await rawRows<{ outcome: string; moved: number } & TransferRecord>(
    pool,
    TRANSFER_ONE_STATEMENT,
    [
      request.from,
      request.to,
      request.amount,
      request.currency,
      randomUUID(),
      request.idempotencyKey,
      new Date(),
    ],
  );
  if (row?.outcome !== 'ok' || row.moved !== 2) throw new TransferRefusedError(row?.outcome ?? 'no row');
  // What was recorded, so that other implementations' results can be checked against it.
  return {
    from_account_id: row.from_account_id,
    to_account_id: row.to_account_id,
    amount: row.amount,
    currency: row.currency,
  };
}

interface TransferRecord {
  from_account_id: string;
  to_account_id: string;
  amount: string;
  currency: string;
}

/**
 * The brief's transferFunds on raw pg: BEGIN, key lookup, lock both, debit, credit, record,
 * COMMIT. Seven round trips, with both rows locked for all but the first two.
 */
export async function transferInteractive(pool: pg.Pool, request: TransferRequest): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const existing = await rawRows(client, TRANSFER_STEPS.findByKey, [request.idempotencyKey]);
    if (existing.length > 0) throw new TransferRefusedError('key_taken');
    const locked = await rawRows<{ id: string; balance: string; currency: string }>(
      client,
      TRANSFER_STEPS.lockBoth,
      [request.from, request.to],
    );
    const from = locked.find((account) => account.id === request.from);
    if (locked.length < 2 || !from) throw new TransferRefusedError('missing');
    if (locked.some((account) => account.currency !== request.currency))
      throw new TransferRefusedError('currency');
    if (Number(from.balance) < Number(request.amount)) throw new TransferRefusedError('insufficient');
    const now = new Date();
    await rawRows(client, TRANSFER_STEPS.debit, [request.from, request.amount, now]);
    await rawRows(client, TRANSFER_STEPS.credit, [request.to, request.amount, now]);
    await rawRows(client, TRANSFER_STEPS.record, [
      randomUUID(),
      request.from,
      request.to,
      request.amount,
      request.currency,
      request.idempotencyKey,
      now,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
