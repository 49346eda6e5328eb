/** The role statements that must decide and write in one go, so no check can go stale before the write. */
import { Prisma } from '@stratum/prisma';

export interface AssignOutcome {
  readonly userFound: boolean;
  readonly roleFound: boolean;
  readonly assignerFound: boolean;
}

/**
 * Grants the role when the user, the role and the assigner (if any) all exist, keeping the first
 * grant on a repeat, and reports which of them was found. The data-modifying CTE runs whether or
 * not the final SELECT reads it.
 */
export function assignRole(userId: string, roleName: string, assignedBy: string | null): Prisma.Sql {
  return Prisma.sql`
    WITH holder AS (
      SELECT id FROM users WHERE id = ${userId}::uuid AND deleted_at IS NULL
    ), role AS (
      SELECT id FROM roles WHERE name = ${roleName}
    ), assigner AS (
      SELECT ${assignedBy}::uuid AS id
      WHERE ${assignedBy}::uuid IS NULL
        OR EXISTS (SELECT 1 FROM users WHERE id = ${assignedBy}::uuid AND deleted_at IS NULL)
    ), granted AS (
      INSERT INTO user_roles (user_id, role_id, assigned_by)
      SELECT holder.id, role.id, assigner.id FROM holder, role, assigner
      ON CONFLICT (user_id, role_id) DO NOTHING
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM holder) AS "userFound",
      EXISTS (SELECT 1 FROM role) AS "roleFound",
      EXISTS (SELECT 1 FROM assigner) AS "assignerFound"`;
}

/** Drops the grant if there is one, and reports whether the role exists at all. */
export function revokeRole(userId: string, roleName: string): Prisma.Sql {
  return Prisma.sql`
    WITH role AS (
      SELECT id FROM roles WHERE name = ${roleName}
    ), revoked AS (
      DELETE FROM user_roles
      WHERE user_id = ${userId}::uuid AND role_id IN (SELECT id FROM role)
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM role) AS "roleFound"`;
}

/** The union of the permissions of a live user's roles. */
export function permissionsOfUser(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT granted.permission
    FROM user_roles
    JOIN users ON users.id = user_roles.user_id AND users.deleted_at IS NULL
    JOIN roles ON roles.id = user_roles.role_id
    CROSS JOIN LATERAL jsonb_array_elements_text(roles.permissions) AS granted(permission)
    WHERE user_roles.user_id = ${userId}::uuid`;
}
