import { Session, SessionId, UserId } from '@stratum/domain';
import type { SessionModel } from '@stratum/prisma';

export function toDomainSession(row: SessionModel): Session {
  return Session.reconstitute({
    id: SessionId.of(row.id),
    userId: UserId.of(row.userId),
    tokenHash: row.tokenHash,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  });
}
