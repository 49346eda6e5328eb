import { ForbiddenError, type Permission, type SessionId, type UserId } from '@stratum/domain';

/** Permissions that come in ':own' and ':any' scopes. */
export type ScopedAction = 'orders:read' | 'orders:write' | 'accounts:read' | 'accounts:write';

/**
 * The authenticated caller of one request, with the permissions their roles grant right now.
 * Use cases take it as their first argument; the HTTP layer only builds it from a session.
 */
export class Principal {
  constructor(
    readonly userId: UserId,
    readonly sessionId: SessionId,
    readonly permissions: ReadonlySet<string>,
  ) {}

  has(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  /** Ids are compared lower-cased: a UUID in upper case names the same user. */
  isSelf(userId: string): boolean {
    return this.userId.value === userId.toLowerCase();
  }

  /** ':any' reaches everyone's records; ':own' only the caller's. */
  mayActOn(action: ScopedAction, ownerId: string): boolean {
    return (
      this.permissions.has(`${action}:any`) || (this.isSelf(ownerId) && this.permissions.has(`${action}:own`))
    );
  }

  /** A user's profile: 'profile:*' covers the caller's own, 'users:*' anyone's. */
  mayActOnUser(action: 'read' | 'write', userId: string): boolean {
    return (
      this.permissions.has(`users:${action}`) ||
      (this.isSelf(userId) && this.permissions.has(`profile:${action}`))
    );
  }
}

/** @throws ForbiddenError unless the caller may act on records of `ownerId`. */
export function assertMayActOn(principal: Principal, action: ScopedAction, ownerId: string): void {
  if (!principal.mayActOn(action, ownerId)) {
    throw new ForbiddenError(`Your roles grant ${action} on your own records only`);
  }
}

/** @throws ForbiddenError unless the caller may read or change the user `userId`. */
export function assertMayActOnUser(principal: Principal, action: 'read' | 'write', userId: string): void {
  if (!principal.mayActOnUser(action, userId)) {
    throw new ForbiddenError(`users:${action} is needed for other users`);
  }
}

/** @throws ForbiddenError unless the caller holds at least one of the permissions. */
export function assertHasAny(
  principal: Principal,
  permissions: readonly [Permission, ...Permission[]],
): void {
  if (!permissions.some((permission) => principal.has(permission))) {
    throw new ForbiddenError(`Requires ${permissions.join(' or ')}`);
  }
}
