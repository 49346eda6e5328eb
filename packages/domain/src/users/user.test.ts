import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidStateTransitionError, ValidationError } from '../shared/common.errors';
import { Email } from './email';
import { User } from './user';

// A local builder: the domain's tests may not depend on @stratum/testing, which depends on it.
function aUser(overrides: { preferences?: Record<string, unknown> } = {}): User {
  return User.register({
    email: Email.of(`user-${randomUUID()}@example.test`),
    name: 'Ada',
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA',
    ...overrides,
  });
}

const registration = { email: Email.of('ada@example.com'), name: '  Ada Lovelace  ', passwordHash: 'hash' };

describe('User', () => {
  it('registers as an active, undeleted user with a fresh id and one timestamp', () => {
    const now = new Date('2025-01-01T00:00:00.000Z');
    const user = User.register({ ...registration, now });

    expect(user.status).toBe('ACTIVE');
    expect(user.name).toBe('Ada Lovelace');
    expect(user.preferences).toEqual({});
    expect(user.createdAt).toEqual(now);
    expect(user.updatedAt).toEqual(now);
    expect(user.deletedAt).toBeNull();
    expect(User.register(registration).id.equals(user.id)).toBe(false);
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses the name %j', (name) => {
    expect(() => User.register({ ...registration, name })).toThrow(ValidationError);
  });

  it('refuses a NUL character in the name, at registration and on rename, naming the field', () => {
    expect(() => User.register({ ...registration, name: 'Ada\u0000' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'name' }),
    );
    expect(() => aUser().rename('Ada\u0000Lovelace')).toThrow(expect.objectContaining({ field: 'name' }));
  });

  it('counts name length in characters, as the database does', () => {
    expect(User.register({ ...registration, name: '😀'.repeat(200) }).name).toHaveLength(400);
  });

  it('refuses an empty password hash', () => {
    expect(() => User.register({ ...registration, passwordHash: '' })).toThrow(ValidationError);
  });

  it('returns changed copies with a new updatedAt, leaving the original alone', () => {
    const user = aUser();
    const later = new Date(user.createdAt.getTime() + 1000);

    const renamed = user.rename('Grace Hopper', later);

    expect(renamed.name).toBe('Grace Hopper');
    expect(renamed.updatedAt).toEqual(later);
    expect(renamed.createdAt).toEqual(user.createdAt);
    expect(user.name).not.toBe('Grace Hopper');
    expect(Object.isFrozen(user)).toBe(true);
  });

  it('changes email and status', () => {
    const user = aUser();
    expect(user.changeEmail(Email.of('new@example.com')).email.value).toBe('new@example.com');
    expect(user.changeStatus('SUSPENDED').status).toBe('SUSPENDED');
    expect(() => user.changeStatus('GONE' as never)).toThrow(ValidationError);
  });

  it('merges preference updates and stores them as JSON would', () => {
    const user = aUser({ preferences: { theme: 'dark', nested: { a: 1 } } });

    const updated = user.updatePreferences({
      nested: { b: 2 },
      when: new Date('2025-01-01T00:00:00Z'),
      gone: undefined,
    });

    expect(updated.preferences).toEqual({
      theme: 'dark',
      nested: { b: 2 },
      when: '2025-01-01T00:00:00.000Z',
    });
    expect(Object.isFrozen(updated.preferences)).toBe(true);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'text'],
    ['holding a bigint', { big: 1n }],
  ])('refuses preferences that are %s', (_, preferences) => {
    expect(() => User.register({ ...registration, preferences: preferences as never })).toThrow(
      ValidationError,
    );
  });

  it('refuses preferences too large to store', () => {
    expect(() => User.register({ ...registration, preferences: { blob: 'x'.repeat(20_000) } })).toThrow(
      ValidationError,
    );
  });

  it('does not let a deleted user change', () => {
    const user = aUser();
    const deleted = User.reconstitute({ ...user.toProps(), deletedAt: new Date() });

    expect(deleted.isDeleted).toBe(true);
    expect(() => deleted.changeStatus('ACTIVE')).toThrow(InvalidStateTransitionError);
    expect(() => deleted.rename('Zombie')).toThrow(InvalidStateTransitionError);
  });

  it('validates on reconstitution too, so a corrupt row fails loudly', () => {
    const user = aUser();
    expect(() => User.reconstitute({ ...user.toProps(), status: 'DELETED' as never })).toThrow(
      ValidationError,
    );
    expect(() => User.reconstitute({ ...user.toProps(), createdAt: new Date('nope') })).toThrow(
      ValidationError,
    );
  });
});
