import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { UserId } from '../users/user-id';
import { Session } from './session';

const HASH = 'a'.repeat(64);

describe('Session', () => {
  it('starts live and expires exactly ttl later', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    const session = Session.start({ userId: UserId.random(), tokenHash: HASH, now, ttlMs: 60_000 });

    expect(session.expiresAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(session.isActiveAt(new Date(now.getTime() + 59_999))).toBe(true);
    expect(session.isActiveAt(new Date(now.getTime() + 60_000))).toBe(false);
  });

  it('is not active once revoked', () => {
    const now = new Date();
    const session = Session.start({ userId: UserId.random(), tokenHash: HASH, now, ttlMs: 60_000 });

    expect(Session.reconstitute({ ...session, revokedAt: now }).isActiveAt(now)).toBe(false);
  });

  it.each(['', 'A'.repeat(64), 'a'.repeat(63), 'plain-token'])('refuses %j as a token hash', (tokenHash) => {
    expect(() => Session.start({ userId: UserId.random(), tokenHash, now: new Date(), ttlMs: 1 })).toThrow(
      ValidationError,
    );
  });

  it('refuses a lifetime that is not a positive whole number', () => {
    expect(() =>
      Session.start({ userId: UserId.random(), tokenHash: HASH, now: new Date(), ttlMs: 0 }),
    ).toThrow(ValidationError);
  });
});
