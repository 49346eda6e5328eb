/**
 * The root of every rule the domain can refuse. Infrastructure failures (a lost connection, a
 * timeout) are deliberately not DomainErrors, so callers can tell "the request was wrong" from
 * "the system is unwell" with one `isDomainError` check.
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'EMAIL_TAKEN'
  | 'SKU_TAKEN'
  | 'INSUFFICIENT_FUNDS'
  | 'INSUFFICIENT_STOCK'
  | 'INVALID_STATE_TRANSITION'
  | 'CONFLICT'
  | 'CURRENCY_MISMATCH'
  | 'DUPLICATE_IDEMPOTENCY_KEY'
  | 'PENDING_ORDER_LIMIT';

export abstract class DomainError extends Error {
  /** Stable across releases: API mappings and clients switch on it, never on the message. */
  abstract readonly code: DomainErrorCode;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
