import { ValidationError } from './common.errors';

export const MAX_QUANTITY = 1_000_000;

/** A count of units in an order line: a whole number from 1 to MAX_QUANTITY. */
export function parseQuantity(value: unknown, field = 'quantity'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) {
    throw new ValidationError(field, `must be a whole number from 1 to ${MAX_QUANTITY}`);
  }
  return value;
}
