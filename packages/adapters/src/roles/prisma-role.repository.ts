import { NotFoundError, type Role, type RoleRepository, type UserId } from '@stratum/domain';
import type { PrismaDb } from '../shared/prisma-db';
import { toDomain } from './role.mapper';
import { assignRole, permissionsOfUser, revokeRole, type AssignOutcome } from './role.sql';

export class PrismaRoleRepository implements RoleRepository {
  /**
   * @param db the primary (or a unit of work's transaction): every write, and roles and permissions, which decide access and must see a revocation at once
   * @param reads where pure reads go: a replica-routing client, or the primary by default
   */
  constructor(
    private readonly db: PrismaDb,
    private readonly reads: PrismaDb = db,
  ) {}

  async findByName(name: string): Promise<Role | null> {
    const row = await this.reads.role.findUnique({ where: { name } });
    return row && toDomain(row);
  }

  async assign(userId: UserId, roleName: string, assignedBy: UserId | null = null): Promise<void> {
    const [outcome] = await this.db.$queryRaw<AssignOutcome[]>(
      assignRole(userId.value, roleName, assignedBy?.value ?? null),
    );
    if (!outcome?.userFound) throw new NotFoundError('User', userId.value);
    if (!outcome.roleFound) throw new NotFoundError('Role', roleName);
    if (!outcome.assignerFound && assignedBy) throw new NotFoundError('User', assignedBy.value);
  }

  async revoke(userId: UserId, roleName: string): Promise<void> {
    const [outcome] = await this.db.$queryRaw<{ roleFound: boolean }[]>(revokeRole(userId.value, roleName));
    if (!outcome?.roleFound) throw new NotFoundError('Role', roleName);
  }

  async rolesOf(userId: UserId): Promise<Role[]> {
    // Unbounded by design: a user holds a few of the handful of roles the migrations define.
    const rows = await this.db.role.findMany({
      where: { users: { some: { userId: userId.value, user: { deletedAt: null } } } },
    });
    // Sorted here rather than by ORDER BY so that the order is code-point order whatever the
    // database's collation (en_US, unlike C, would put "a-b" after "ab").
    return rows.map(toDomain).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async permissionsOf(userId: UserId): Promise<Set<string>> {
    const rows = await this.db.$queryRaw<{ permission: string }[]>(permissionsOfUser(userId.value));
    return new Set(rows.map((row) => row.permission));
  }
}
