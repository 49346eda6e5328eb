import { ValidationError } from './common.errors';

// RFC 4122 / 9562 textual form, versions 1-8, variant 10xx; case-insensitive on input.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Marks text that is a valid lower-case uuid already: what PostgreSQL prints for a `uuid` column
 * and what randomUUID() returns. Checking it again on every row of every page, and on every id
 * we generate, was pure cost (apps/bench/README.md).
 */
export const CANONICAL: unique symbol = Symbol('canonical uuid');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * Base of every entity id. Always lower-case, so string comparison agrees with PostgreSQL's
 * byte-wise ordering of the `uuid` type (which keyset cursors rely on).
 * Subclasses declare a private brand, so a ProductId can never be passed where a UserId is due.
 */
export abstract class Uuid {
  readonly value: string;

  /**
   * @param field the input's name in the ValidationError, or CANONICAL for text known to be a
   *   valid lower-case uuid (a uuid column's, randomUUID()'s), which is taken as it is.
   */
  protected constructor(value: string, field: string | typeof CANONICAL) {
    if (field === CANONICAL) {
      this.value = value;
      return;
    }
    if (!isUuid(value)) throw new ValidationError(field, 'must be a UUID');
    this.value = value.toLowerCase();
  }

  equals(other: this): boolean {
    return other.constructor === this.constructor && other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
