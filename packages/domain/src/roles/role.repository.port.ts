import type { UserId } from '../users/user-id';
import type { Role } from './role';

/**
 * Roles are created by migration (see DEFAULT_ROLES), not through this port. Soft-deleted users
 * count as absent: they have no roles and cannot be given any.
 */
export interface RoleRepository {
  /** Exact, case-sensitive match; role names are lower-case by construction. */
  findByName(name: string): Promise<Role | null>;
  /**
   * Idempotent: assigning a role the user already holds changes nothing (the first assignedBy stays).
   * @throws NotFoundError('User', id) for an unknown or deleted user, or an unknown or deleted assignedBy.
   * @throws NotFoundError('Role', name) for an unknown role.
   */
  assign(userId: UserId, roleName: string, assignedBy?: UserId | null): Promise<void>;
  /**
   * Idempotent: revoking a role the user does not hold (or from an unknown user) is a no-op,
   * since the wanted end state already holds.
   * @throws NotFoundError('Role', name) for an unknown role, because that is almost surely a typo.
   */
  revoke(userId: UserId, roleName: string): Promise<void>;
  /** Sorted by name; [] for an unknown or deleted user. */
  rolesOf(userId: UserId): Promise<Role[]>;
  /** The union of the permissions of the user's roles; empty for an unknown or deleted user. */
  permissionsOf(userId: UserId): Promise<Set<string>>;
}
