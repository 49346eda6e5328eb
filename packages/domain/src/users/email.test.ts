import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { Email } from './email';

describe('Email', () => {
  it('trims and lower-cases, so lookups ignore case', () => {
    expect(Email.of('  Ada.Lovelace@Example.COM ').value).toBe('ada.lovelace@example.com');
    expect(Email.of('ADA@example.com').equals(Email.of('ada@EXAMPLE.com'))).toBe(true);
  });

  it.each(['a@b.co', 'first.last+tag@sub.example.org', "o'brien@example.ie", 'x_y-z@e-x.ample.museum'])(
    'accepts %s',
    (raw) => {
      expect(Email.of(raw).value).toBe(raw.toLowerCase());
    },
  );

  it.each([
    '',
    'plainaddress',
    '@example.com',
    'a@',
    'a@b',
    'a@b.c',
    'a b@example.com',
    'a@@example.com',
    '.a@example.com',
    'a..b@example.com',
    'a@-example.com',
    'a@example..com',
  ])('refuses %j', (raw) => {
    expect(() => Email.of(raw)).toThrow(ValidationError);
  });

  it('refuses addresses longer than 320 characters or local parts longer than 64', () => {
    const domain = `${'a'.repeat(60)}.`.repeat(5) + 'com';
    expect(() => Email.of(`x@${domain}${'.com'.repeat(5)}`)).toThrow(ValidationError);
    expect(() => Email.of(`${'a'.repeat(65)}@example.com`)).toThrow(ValidationError);
    expect(Email.of(`${'a'.repeat(64)}@example.com`).value).toHaveLength(76);
  });

  it('names the email field when it refuses', () => {
    try {
      Email.of('nope');
    } catch (error) {
      expect(error).toMatchObject({ field: 'email', code: 'VALIDATION_FAILED' });
    }
  });
});
