import { ValidationError } from '../shared/common.errors';
import type { Money } from '../shared/money';
import { requireDate, requireText } from '../shared/text';
import type { AccountId } from './account-id';
import { TransferId } from './transfer-id';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface TransferCommand {
  readonly from: AccountId;
  readonly to: AccountId;
  readonly amount: Money;
  /** Chosen by the client; a retry with the same key and payload returns the first transfer. */
  readonly idempotencyKey: string;
}

export interface TransferProps {
  readonly id: TransferId;
  readonly fromAccountId: AccountId;
  readonly toAccountId: AccountId;
  readonly amount: Money;
  readonly idempotencyKey: string;
  readonly createdAt: Date;
}

/** Keys are opaque: compared byte for byte, so never trimmed or case-folded. */
export function parseIdempotencyKey(value: unknown): string {
  return requireText(value, 'idempotencyKey', { max: MAX_IDEMPOTENCY_KEY_LENGTH, trim: false });
}

/** An immutable record that money moved; the balances themselves live on the accounts. */
export class Transfer {
  readonly id: TransferId;
  readonly fromAccountId: AccountId;
  readonly toAccountId: AccountId;
  readonly amount: Money;
  readonly idempotencyKey: string;
  readonly createdAt: Date;

  private constructor(props: TransferProps) {
    if (props.fromAccountId.equals(props.toAccountId)) {
      throw new ValidationError('to', 'must be a different account from "from"');
    }
    if (!props.amount.isPositive()) throw new ValidationError('amount', 'must be greater than zero');
    this.id = props.id;
    this.fromAccountId = props.fromAccountId;
    this.toAccountId = props.toAccountId;
    this.amount = props.amount;
    this.idempotencyKey = parseIdempotencyKey(props.idempotencyKey);
    this.createdAt = requireDate(props.createdAt, 'createdAt');
    Object.freeze(this);
  }

  /** Validates a command into the transfer it would record; adapters call this before touching the database. */
  static create(command: TransferCommand, now: Date = new Date()): Transfer {
    return new Transfer({
      id: TransferId.random(),
      fromAccountId: command.from,
      toAccountId: command.to,
      amount: command.amount,
      idempotencyKey: command.idempotencyKey,
      createdAt: now,
    });
  }

  static reconstitute(props: TransferProps): Transfer {
    return new Transfer(props);
  }

  /** Whether `command` is a retry of this transfer rather than a different request reusing its key. */
  isRetryOf(command: TransferCommand): boolean {
    return (
      command.idempotencyKey === this.idempotencyKey &&
      command.from.equals(this.fromAccountId) &&
      command.to.equals(this.toAccountId) &&
      command.amount.equals(this.amount)
    );
  }
}
