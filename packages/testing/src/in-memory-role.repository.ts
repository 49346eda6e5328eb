import { NotFoundError, type Role, type RoleRepository, type UserId } from '@stratum/domain';
import { InMemoryRepository } from './in-memory-repository.base';
import { userRoleKey } from './in-memory-store';

export class InMemoryRoleRepository extends InMemoryRepository implements RoleRepository {
  findByName(name: string): Promise<Role | null> {
    return this.atomically(() => this.byName(name));
  }

  assign(userId: UserId, roleName: string, assignedBy: UserId | null = null): Promise<void> {
    return this.atomically(() => {
      this.requireLiveUser(userId);
      const role = this.requireRole(roleName);
      if (assignedBy) this.requireLiveUser(assignedBy);
      const key = userRoleKey(userId.value, role.id.value);
      if (this.store.userRoles.has(key)) return;
      this.store.userRoles.set(key, {
        userId: userId.value,
        roleId: role.id.value,
        assignedAt: new Date(),
        assignedBy: assignedBy?.value ?? null,
      });
    });
  }

  revoke(userId: UserId, roleName: string): Promise<void> {
    return this.atomically(() => {
      const role = this.requireRole(roleName);
      this.store.userRoles.delete(userRoleKey(userId.value, role.id.value));
    });
  }

  rolesOf(userId: UserId): Promise<Role[]> {
    return this.atomically(() => this.rolesOfUser(userId));
  }

  permissionsOf(userId: UserId): Promise<Set<string>> {
    return this.atomically(() => new Set(this.rolesOfUser(userId).flatMap((role) => role.permissions)));
  }

  private rolesOfUser(userId: UserId): Role[] {
    const user = this.store.users.get(userId.value);
    if (!user || user.isDeleted) return [];
    return [...this.store.userRoles.values()]
      .filter((link) => link.userId === userId.value)
      .map((link) => this.store.roles.get(link.roleId))
      .filter((role): role is Role => role !== undefined)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private byName(name: string): Role | null {
    return [...this.store.roles.values()].find((role) => role.name === name) ?? null;
  }

  private requireRole(name: string): Role {
    const role = this.byName(name);
    if (!role) throw new NotFoundError('Role', name);
    return role;
  }

  private requireLiveUser(id: UserId): void {
    const user = this.store.users.get(id.value);
    if (!user || user.isDeleted) throw new NotFoundError('User', id.value);
  }
}
