import { DomainError } from '../shared/domain-error';

export class InsufficientFundsError extends DomainError {
  readonly code = 'INSUFFICIENT_FUNDS' as const;

  constructor(readonly accountId: string) {
    super(`account ${accountId} has insufficient funds`);
  }
}

/** The key was already used for a transfer with a different from, to or amount. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'DUPLICATE_IDEMPOTENCY_KEY' as const;

  constructor(readonly idempotencyKey: string) {
    super(`idempotency key "${idempotencyKey}" was already used for a different transfer`);
  }
}
