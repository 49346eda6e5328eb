import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { Money } from '../shared/money';
import { AccountId } from './account-id';
import { Transfer, type TransferCommand } from './transfer';

const command = (): TransferCommand => ({
  from: AccountId.random(),
  to: AccountId.random(),
  amount: Money.of('5.00', 'USD'),
  idempotencyKey: 'key-1',
});

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ValidationError ? error.field : 'other';
  }
  return undefined;
}

describe('Transfer', () => {
  it('records a valid command', () => {
    const cmd = command();
    const transfer = Transfer.create(cmd);
    expect(transfer.fromAccountId.equals(cmd.from)).toBe(true);
    expect(transfer.amount.equals(cmd.amount)).toBe(true);
    expect(transfer.idempotencyKey).toBe('key-1');
  });

  it('refuses the same account on both sides, non-positive amounts and bad keys, naming the field', () => {
    const cmd = command();
    expect(fieldOf(() => Transfer.create({ ...cmd, to: cmd.from }))).toBe('to');
    expect(fieldOf(() => Transfer.create({ ...cmd, amount: Money.zero('USD') }))).toBe('amount');
    expect(fieldOf(() => Transfer.create({ ...cmd, amount: Money.of('-1', 'USD') }))).toBe('amount');
    expect(fieldOf(() => Transfer.create({ ...cmd, idempotencyKey: '' }))).toBe('idempotencyKey');
    expect(fieldOf(() => Transfer.create({ ...cmd, idempotencyKey: 'k'.repeat(201) }))).toBe(
      'idempotencyKey',
    );
    expect(Transfer.create({ ...cmd, idempotencyKey: 'k'.repeat(200) }).idempotencyKey).toHaveLength(200);
  });

  it('keeps idempotency keys exactly as given', () => {
    expect(Transfer.create({ ...command(), idempotencyKey: ' Key ' }).idempotencyKey).toBe(' Key ');
  });

  it('recognises a retry only when key, accounts and amount all match', () => {
    const cmd = command();
    const transfer = Transfer.create(cmd);
    expect(transfer.isRetryOf({ ...cmd })).toBe(true);
    expect(transfer.isRetryOf({ ...cmd, amount: Money.of('5.01', 'USD') })).toBe(false);
    expect(transfer.isRetryOf({ ...cmd, amount: Money.of('5.00', 'EUR') })).toBe(false);
    expect(transfer.isRetryOf({ ...cmd, to: AccountId.random() })).toBe(false);
    expect(transfer.isRetryOf({ ...cmd, idempotencyKey: 'key-2' })).toBe(false);
  });
});
