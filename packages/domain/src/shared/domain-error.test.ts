import { describe, expect, it } from 'vitest';
import { IdempotencyKeyReusedError, InsufficientFundsError } from '../accounts/account.errors';
import { PendingOrderLimitError } from '../orders/order.errors';
import { InsufficientStockError, SkuTakenError } from '../products/product.errors';
import { EmailTakenError } from '../users/user.errors';
import { ForbiddenError } from './access.errors';
import { ConflictError, InvalidStateTransitionError, NotFoundError, ValidationError } from './common.errors';
import { isDomainError } from './domain-error';
import { CurrencyMismatchError } from './money.errors';

describe('domain errors', () => {
  it.each([
    [new ValidationError('email', 'is wrong'), 'VALIDATION_FAILED', 'ValidationError'],
    [new NotFoundError('User', 'u1'), 'NOT_FOUND', 'NotFoundError'],
    [new ForbiddenError('orders:write:any is needed'), 'FORBIDDEN', 'ForbiddenError'],
    [new EmailTakenError('a@b.co'), 'EMAIL_TAKEN', 'EmailTakenError'],
    [new SkuTakenError('SKU-1'), 'SKU_TAKEN', 'SkuTakenError'],
    [new InsufficientFundsError('a1'), 'INSUFFICIENT_FUNDS', 'InsufficientFundsError'],
    [new InsufficientStockError('p1', 3, 1), 'INSUFFICIENT_STOCK', 'InsufficientStockError'],
    [
      new InvalidStateTransitionError('PENDING', 'SHIPPED'),
      'INVALID_STATE_TRANSITION',
      'InvalidStateTransitionError',
    ],
    [new ConflictError(3), 'CONFLICT', 'ConflictError'],
    [new CurrencyMismatchError('USD', 'EUR'), 'CURRENCY_MISMATCH', 'CurrencyMismatchError'],
    [new IdempotencyKeyReusedError('k'), 'DUPLICATE_IDEMPOTENCY_KEY', 'IdempotencyKeyReusedError'],
    [new PendingOrderLimitError(20), 'PENDING_ORDER_LIMIT', 'PendingOrderLimitError'],
  ])('%s carries the stable code %s and its class name', (error, code, name) => {
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
  });

  it('does not count infrastructure failures as domain errors', () => {
    expect(isDomainError(new Error('connection reset'))).toBe(false);
    expect(isDomainError({ code: 'NOT_FOUND' })).toBe(false);
    expect(isDomainError(undefined)).toBe(false);
  });

  it('names what failed in its fields', () => {
    expect(new ValidationError('limit', 'too big')).toMatchObject({
      field: 'limit',
      message: 'limit: too big',
    });
    expect(new NotFoundError('Product', 'p1')).toMatchObject({ entity: 'Product', id: 'p1' });
    expect(new InsufficientStockError('p1', 3, 1)).toMatchObject({
      productId: 'p1',
      requested: 3,
      available: 1,
    });
    expect(new InvalidStateTransitionError('A', 'B')).toMatchObject({ from: 'A', to: 'B', entity: 'Order' });
    expect(new ConflictError(5, 'transfer')).toMatchObject({ attempts: 5, operation: 'transfer' });
  });
});
