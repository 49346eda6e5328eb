import type { Permission, SessionId, UserId } from '@stratum/domain';
import { forbidden } from '../http/api-error';

/** Permissions that come in ':own' and ':any' scopes. */
export type ScopedAction = 'orders:read' | 'orders:write' | 'accounts:read' | 'accounts:write';

/** The authenticated caller of one request, with the permissions their roles grant right now. */
export class Principal {
  constructor(
    readonly userId: UserId,
    readonly sessionId: SessionId,
    readonly permissions: ReadonlySet<string>,
  ) {}

  has(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  isSelf(userId: string): boolean {
    return this.userId.value === userId;
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

export function assertMayActOn(principal: Principal, action: ScopedAction, ownerId: string): void {
  if (!principal.mayActOn(action, ownerId)) {
    throw forbidden(`Your roles grant ${action} on your own records only`);
  }
}

export function assertMayActOnUser(principal: Principal, action: 'read' | 'write', userId: string): void {
  if (!principal.mayActOnUser(action, userId)) throw forbidden(`users:${action} is needed for other users`);
}
