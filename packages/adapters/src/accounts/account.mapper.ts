import { Account, AccountId, Money, Transfer, TransferId } from '@stratum/domain';

/** Rows as our raw queries return them: money as text (NUMERIC(14,2) always has two decimals). */
export interface AccountRow {
  id: string;
  owner_id: string;
  balance: string;
  currency: string;
  created_at: Date;
  updated_at: Date;
}

export interface TransferRow {
  id: string;
  from_account_id: string;
  to_account_id: string;
  amount: string;
  currency: string;
  idempotency_key: string;
  created_at: Date;
}

/** Our own row: rebuilt without re-running the rules the schema holds (Account.fromStored). */
export function accountToDomain(row: AccountRow): Account {
  return Account.fromStored({
    id: row.id,
    ownerId: row.owner_id,
    balance: row.balance,
    currency: row.currency,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function transferToDomain(row: TransferRow): Transfer {
  return Transfer.reconstitute({
    id: TransferId.of(row.id),
    fromAccountId: AccountId.of(row.from_account_id),
    toAccountId: AccountId.of(row.to_account_id),
    amount: Money.of(row.amount, row.currency),
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
  });
}
