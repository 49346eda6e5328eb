import { DomainError } from './domain-error';

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED' as const;

  constructor(
    /** The input field at fault, as the caller named it (e.g. 'email', 'limit', 'cursor'). */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(
    readonly entity: string,
    /** The id (or, for roles, the name) that was looked up. */
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

export class InvalidStateTransitionError extends DomainError {
  readonly code = 'INVALID_STATE_TRANSITION' as const;

  constructor(
    readonly from: string,
    readonly to: string,
    readonly entity: string = 'Order',
  ) {
    super(`${entity} cannot go from ${from} to ${to}`);
  }
}

/** Raised by adapters when optimistic retries (e.g. serialization failures) ran out. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;

  constructor(
    readonly attempts: number,
    readonly operation: string = 'operation',
  ) {
    super(`${operation} kept conflicting with concurrent writes; gave up after ${attempts} attempts`);
  }
}
