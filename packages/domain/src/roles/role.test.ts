import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/common.errors';
import { DEFAULT_ROLES } from './default-roles';
import { PERMISSIONS } from './permissions';
import { Role } from './role';

describe('Role', () => {
  it('keeps its permissions de-duplicated and sorted', () => {
    const role = Role.create({
      name: 'editor',
      description: '',
      permissions: ['b:write', 'a:read', 'b:write'],
    });
    expect(role.permissions).toEqual(['a:read', 'b:write']);
    expect(role.grants('a:read')).toBe(true);
    expect(role.grants('c:read')).toBe(false);
  });

  it.each(['', 'Admin', 'has space', '1st', 'x'.repeat(101)])('refuses the name %j', (name) => {
    expect(() => Role.create({ name, description: '', permissions: [] })).toThrow(ValidationError);
  });

  it.each(['', 'read', 'users:', 'Users:read', 'users: read'])('refuses the permission %j', (permission) => {
    expect(() => Role.create({ name: 'x', description: '', permissions: [permission] })).toThrow(
      ValidationError,
    );
  });
});

describe('DEFAULT_ROLES', () => {
  it('defines admin, moderator and user once each', () => {
    expect(DEFAULT_ROLES.map((role) => role.name).sort()).toEqual(['admin', 'moderator', 'user']);
  });

  it('uses only the permission vocabulary, and gives admin all of it', () => {
    for (const definition of DEFAULT_ROLES) {
      expect(() => Role.create(definition)).not.toThrow();
      for (const permission of definition.permissions) expect(PERMISSIONS).toContain(permission);
    }
    expect(new Set(DEFAULT_ROLES.find((role) => role.name === 'admin')?.permissions)).toEqual(
      new Set(PERMISSIONS),
    );
  });
});
