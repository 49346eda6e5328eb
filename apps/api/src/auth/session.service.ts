import type { RoleRepository, SessionRepository, UserRepository } from '@stratum/domain';
import type { Clock } from '../config/clock';
import { unauthenticated } from '../http/api-error';
import { Principal } from '../use-cases/shared/principal';
import { hashSessionToken } from './session-token';

export interface SessionServiceDependencies {
  users: UserRepository;
  roles: RoleRepository;
  sessions: SessionRepository;
  clock: Clock;
}

/**
 * Resolves a bearer token to its caller on every request, from the database: a revoked session,
 * a suspended or deleted user, or a role taken away stop working on the very next request.
 */
export class SessionService {
  constructor(private readonly deps: SessionServiceDependencies) {}

  /** @throws ApiError UNAUTHENTICATED for a missing, unknown, expired or revoked token, or a user no longer active. */
  async authenticate(token: string | null): Promise<Principal> {
    if (token === null) throw unauthenticated();
    const now = this.deps.clock.now();
    const session = await this.deps.sessions.findActiveByTokenHash(hashSessionToken(token), now);
    if (!session) throw unauthenticated('The session is unknown, expired or revoked');
    const user = await this.deps.users.findById(session.userId);
    if (!user || user.status !== 'ACTIVE')
      throw unauthenticated('The session is unknown, expired or revoked');
    const permissions = await this.deps.roles.permissionsOf(user.id);
    return new Principal(user.id, session.id, permissions);
  }
}
