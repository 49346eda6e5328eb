import type { UserId } from '../users/user-id';
import type { Session } from './session';
import type { SessionId } from './session-id';

/**
 * Sessions of signed-in users, looked up by the hash of their bearer token. Revocation takes
 * effect on the next lookup: nothing caches a session.
 */
export interface SessionRepository {
  /** @throws NotFoundError('User', id) for an unknown or soft-deleted user. */
  create(session: Session): Promise<void>;
  /** The session with this token hash, if it is neither revoked nor expired at `now`. */
  findActiveByTokenHash(tokenHash: string, now: Date): Promise<Session | null>;
  /** Idempotent: revoking an unknown or already revoked session changes nothing. */
  revoke(id: SessionId, now: Date): Promise<void>;
  /**
   * Revokes every live session of the user (logout everywhere, suspension, deletion) but
   * `except`, when given (the caller's own, after a password or email change); returns how many.
   */
  revokeAllForUser(userId: UserId, now: Date, options?: { except?: SessionId }): Promise<number>;
  /** Housekeeping: deletes sessions that expired or were revoked before `before`; returns how many. */
  deleteEndedBefore(before: Date): Promise<number>;
}
