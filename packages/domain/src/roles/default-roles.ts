import { PERMISSIONS, type Permission } from './permissions';

export interface RoleDefinition {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly Permission[];
}

/**
 * The roles every database starts with. The one source of truth: the migration that seeds the
 * roles table, the in-memory fake and the API's checks all read this list.
 */
export const DEFAULT_ROLES: readonly RoleDefinition[] = Object.freeze([
  {
    name: 'admin',
    description: 'Administers users, roles, the catalogue, and every order and account',
    permissions: [...PERMISSIONS],
  },
  {
    name: 'moderator',
    description: 'Looks after users and moves orders along, without touching roles or money',
    permissions: ['profile:read', 'profile:write', 'users:read', 'orders:read:any', 'orders:write:any'],
  },
  {
    name: 'user',
    description: 'A customer: their own profile, orders and accounts',
    permissions: [
      'profile:read',
      'profile:write',
      'orders:read:own',
      'orders:write:own',
      'accounts:read:own',
      'accounts:write:own',
    ],
  },
]);
