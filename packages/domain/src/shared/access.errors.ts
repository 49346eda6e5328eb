import { DomainError } from './domain-error';

/**
 * The caller is known but may not do this: their permissions reach only their own records, or
 * not this action at all. Raised by use cases, which know the rules, not by the transport.
 */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;

  constructor(message = 'Your roles do not grant this') {
    super(message);
  }
}
