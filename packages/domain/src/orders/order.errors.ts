import { DomainError } from '../shared/domain-error';

/**
 * A customer may hold only so many PENDING orders at once: each one reserves stock, so without a
 * cap one customer could empty a product without ever paying.
 */
export class PendingOrderLimitError extends DomainError {
  readonly code = 'PENDING_ORDER_LIMIT' as const;

  constructor(readonly limit: number) {
    super(`at most ${limit} orders may be pending at once; pay for or cancel one first`);
  }
}
