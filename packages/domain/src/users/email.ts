import { ValidationError } from '../shared/common.errors';

export const MAX_EMAIL_LENGTH = 320;

// Deliberately ASCII and pragmatic: the real check is the confirmation mail the app sends.
const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Trimmed and lower-cased at construction, so equality and lookups are case-insensitive everywhere. */
export class Email {
  private constructor(readonly value: string) {}

  static of(raw: string): Email {
    if (typeof raw !== 'string') throw new ValidationError('email', 'must be a string');
    const value = raw.trim().toLowerCase();
    if (value.length > MAX_EMAIL_LENGTH) {
      throw new ValidationError('email', `must be at most ${MAX_EMAIL_LENGTH} characters`);
    }
    const local = value.slice(0, value.lastIndexOf('@'));
    if (!EMAIL_PATTERN.test(value) || local.length > 64) {
      throw new ValidationError('email', 'is not a valid email address');
    }
    return new Email(value);
  }

  /**
   * An email our database returned: only `of` ever wrote one, and users_email_lower_check keeps
   * the column lower-case, so the pattern is not run again for every row read.
   */
  static fromStored(value: string): Email {
    return new Email(value);
  }

  equals(other: Email): boolean {
    return other.value === this.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
