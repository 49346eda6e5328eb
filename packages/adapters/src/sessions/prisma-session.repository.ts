import {
  NotFoundError,
  type Session,
  type SessionId,
  type SessionRepository,
  type UserId,
} from '@stratum/domain';
import type { PrismaDb } from '../shared/prisma-db';
import { toDomainSession } from './session.mapper';

export class PrismaSessionRepository implements SessionRepository {
  constructor(private readonly db: PrismaDb) {}

  async create(session: Session): Promise<void> {
    // One statement that inserts only for a live user: the foreign key alone would accept a
    // soft-deleted one, and a separate check first would race with the deletion.
    const inserted = await this.db.$executeRaw`
      INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at, revoked_at)
      SELECT ${session.id.value}::uuid, u.id, ${session.tokenHash}, ${session.createdAt},
             ${session.expiresAt}, ${session.revokedAt}
      FROM users u
      WHERE u.id = ${session.userId.value}::uuid AND u.deleted_at IS NULL`;
    if (inserted === 0) throw new NotFoundError('User', session.userId.value);
  }

  async findActiveByTokenHash(tokenHash: string, now: Date): Promise<Session | null> {
    const row = await this.db.session.findFirst({
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now } },
    });
    return row && toDomainSession(row);
  }

  async revoke(id: SessionId, now: Date): Promise<void> {
    await this.db.session.updateMany({ where: { id: id.value, revokedAt: null }, data: { revokedAt: now } });
  }

  async revokeAllForUser(userId: UserId, now: Date, options: { except?: SessionId } = {}): Promise<number> {
    const { count } = await this.db.session.updateMany({
      where: {
        userId: userId.value,
        revokedAt: null,
        expiresAt: { gt: now },
        ...(options.except ? { id: { not: options.except.value } } : {}),
      },
      data: { revokedAt: now },
    });
    return count;
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    const { count } = await this.db.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
    });
    return count;
  }
}
