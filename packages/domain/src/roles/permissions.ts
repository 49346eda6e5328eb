/**
 * The whole permission vocabulary, `resource:action[:scope]`. ':own' grants act on the caller's
 * own records, ':any' on everyone's; the API checks them, the domain only carries them.
 */
export const PERMISSIONS = [
  'profile:read',
  'profile:write',
  'users:read',
  'users:write',
  'users:delete',
  'roles:read',
  'roles:write',
  'products:write',
  'orders:read:own',
  'orders:write:own',
  'orders:read:any',
  'orders:write:any',
  'accounts:read:own',
  'accounts:write:own',
  'accounts:read:any',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
