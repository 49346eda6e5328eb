import { NotFoundError, Session, type SessionId, type SessionRepository, type UserId } from '@stratum/domain';
import type { InMemoryStore } from './in-memory-store';

/**
 * The fake of SessionRepository. Sessions are kept here rather than in the shared store, which
 * does not know them; the store is read only to refuse sessions for missing or deleted users,
 * as the foreign key does in PostgreSQL.
 */
export class InMemorySessionRepository implements SessionRepository {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly store: InMemoryStore) {}

  async create(session: Session): Promise<void> {
    const user = this.store.users.get(session.userId.value);
    if (!user || user.isDeleted) throw new NotFoundError('User', session.userId.value);
    this.sessions.set(session.id.value, session);
  }

  async findActiveByTokenHash(tokenHash: string, now: Date): Promise<Session | null> {
    for (const session of this.sessions.values()) {
      if (session.tokenHash === tokenHash) return session.isActiveAt(now) ? session : null;
    }
    return null;
  }

  async revoke(id: SessionId, now: Date): Promise<void> {
    const session = this.sessions.get(id.value);
    if (session && session.revokedAt === null) this.sessions.set(id.value, revoked(session, now));
  }

  async revokeAllForUser(userId: UserId, now: Date, options: { except?: SessionId } = {}): Promise<number> {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (options.except?.equals(session.id)) continue;
      if (session.userId.equals(userId) && session.isActiveAt(now)) {
        this.sessions.set(session.id.value, revoked(session, now));
        count++;
      }
    }
    return count;
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    let count = 0;
    for (const session of [...this.sessions.values()]) {
      if (endedAt(session).getTime() < before.getTime()) {
        this.sessions.delete(session.id.value);
        count++;
      }
    }
    return count;
  }
}

/** When the session stopped being usable: at revocation, or at expiry if that came first. */
function endedAt(session: Session): Date {
  const { revokedAt, expiresAt } = session;
  return revokedAt !== null && revokedAt < expiresAt ? revokedAt : expiresAt;
}

function revoked(session: Session, now: Date): Session {
  return Session.reconstitute({ ...session, revokedAt: now });
}
