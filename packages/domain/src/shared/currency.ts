import { ValidationError } from './common.errors';

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** An ISO 4217 alphabetic code. Not normalised: 'usd' is a caller bug worth surfacing. */
export function parseCurrency(value: unknown, field = 'currency'): string {
  if (typeof value !== 'string' || !CURRENCY_PATTERN.test(value)) {
    throw new ValidationError(field, 'must be an ISO 4217 code of three upper-case letters');
  }
  return value;
}
