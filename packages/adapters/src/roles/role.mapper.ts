import { Role, RoleId } from '@stratum/domain';
import type { RoleModel } from '@stratum/prisma';

export function toDomain(row: RoleModel): Role {
  return Role.reconstitute({
    id: RoleId.of(row.id),
    name: row.name,
    description: row.description,
    // The CHECK roles_permissions_array_check keeps this an array; reconstitute checks each entry.
    permissions: row.permissions as string[],
  });
}
