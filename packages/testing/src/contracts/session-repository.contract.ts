import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  NotFoundError,
  Session,
  type SessionRepository,
  type User,
  type UserRepository,
} from '@stratum/domain';
import { expectDomainError, useSubject, type ContractSubject } from './contract-helpers';
import { UserMother } from '../mothers/user.mother';

export interface SessionRepositoryContractSubject extends ContractSubject {
  readonly sessions: SessionRepository;
  /** Used to create the users that sessions belong to. */
  readonly users: UserRepository;
}

const HOUR = 3_600_000;

export function sessionRepositoryContract(
  name: string,
  makeSubject: () => Promise<SessionRepositoryContractSubject>,
): void {
  describe(`SessionRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);

    async function savedUser(): Promise<User> {
      const user = UserMother.random();
      await subject().users.save(user);
      return user;
    }

    async function startedSession(user: User, now = new Date(), ttlMs = HOUR): Promise<Session> {
      const session = Session.start({ userId: user.id, tokenHash: randomHash(), now, ttlMs });
      await subject().sessions.create(session);
      return session;
    }

    it('finds a live session by its token hash, with every field as stored', async () => {
      const session = await startedSession(await savedUser());

      const found = await subject().sessions.findActiveByTokenHash(session.tokenHash, new Date());

      expect(found).toEqual(session);
    });

    it('finds nothing for a hash no session has', async () => {
      expect(await subject().sessions.findActiveByTokenHash(randomHash(), new Date())).toBeNull();
    });

    it('does not find a session once it has expired', async () => {
      const now = new Date();
      const session = await startedSession(await savedUser(), now, 1_000);

      expect(
        await subject().sessions.findActiveByTokenHash(session.tokenHash, new Date(now.getTime() + 999)),
      ).not.toBeNull();
      expect(
        await subject().sessions.findActiveByTokenHash(session.tokenHash, new Date(now.getTime() + 1_000)),
      ).toBeNull();
    });

    it('does not find a revoked session, and revoking twice is harmless', async () => {
      const session = await startedSession(await savedUser());

      await subject().sessions.revoke(session.id, new Date());
      await subject().sessions.revoke(session.id, new Date());

      expect(await subject().sessions.findActiveByTokenHash(session.tokenHash, new Date())).toBeNull();
    });

    it("revokes every live session of one user and nobody else's", async () => {
      const user = await savedUser();
      const other = await savedUser();
      const first = await startedSession(user);
      const second = await startedSession(user);
      const kept = await startedSession(other);

      expect(await subject().sessions.revokeAllForUser(user.id, new Date())).toBe(2);

      const now = new Date();
      expect(await subject().sessions.findActiveByTokenHash(first.tokenHash, now)).toBeNull();
      expect(await subject().sessions.findActiveByTokenHash(second.tokenHash, now)).toBeNull();
      expect(await subject().sessions.findActiveByTokenHash(kept.tokenHash, now)).not.toBeNull();
      expect(await subject().sessions.revokeAllForUser(user.id, now)).toBe(0);
    });

    it('revokes every other session of a user and keeps the one it is told to', async () => {
      const user = await savedUser();
      const current = await startedSession(user);
      const stolen = await startedSession(user);

      expect(await subject().sessions.revokeAllForUser(user.id, new Date(), { except: current.id })).toBe(1);

      const now = new Date();
      expect(await subject().sessions.findActiveByTokenHash(current.tokenHash, now)).not.toBeNull();
      expect(await subject().sessions.findActiveByTokenHash(stolen.tokenHash, now)).toBeNull();
    });

    it('refuses a session for a soft-deleted user', async () => {
      const user = await savedUser();
      await subject().users.softDelete(user.id);

      const session = Session.start({
        userId: user.id,
        tokenHash: randomHash(),
        now: new Date(),
        ttlMs: HOUR,
      });
      await expectDomainError(subject().sessions.create(session), NotFoundError, 'NOT_FOUND');
    });

    it('deletes the sessions that ended before a point in time and keeps the others', async () => {
      const user = await savedUser();
      const long = Date.now() - 10 * HOUR;
      const expired = await startedSession(user, new Date(long), HOUR);
      const revoked = await startedSession(user, new Date(long), 100 * HOUR);
      await subject().sessions.revoke(revoked.id, new Date(long + HOUR));
      const live = await startedSession(user);

      const deleted = await subject().sessions.deleteEndedBefore(new Date(Date.now() - HOUR));

      // Other tests' sessions may share the table, so count at least ours, then prove they are gone.
      expect(deleted).toBeGreaterThanOrEqual(2);
      expect(await subject().sessions.deleteEndedBefore(new Date(Date.now() - HOUR))).toBe(0);
      expect(await subject().sessions.findActiveByTokenHash(expired.tokenHash, new Date(long))).toBeNull();
      expect(await subject().sessions.findActiveByTokenHash(live.tokenHash, new Date())).not.toBeNull();
    });
  });
}

function randomHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}
