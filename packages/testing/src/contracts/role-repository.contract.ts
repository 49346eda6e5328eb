import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROLES,
  NotFoundError,
  type RoleRepository,
  type User,
  UserId,
  type UserRepository,
} from '@stratum/domain';
import { RandomMother } from '../mothers/random.mother';
import { UserMother } from '../mothers/user.mother';
import { expectDomainError, useSubject, type ContractSubject } from './contract-helpers';

export interface RoleRepositoryContractSubject extends ContractSubject {
  readonly roles: RoleRepository;
  /** Used to create the users that roles are given to. */
  readonly users: UserRepository;
}

export function roleRepositoryContract(
  name: string,
  makeSubject: () => Promise<RoleRepositoryContractSubject>,
): void {
  describe(`RoleRepository contract (${name})`, () => {
    const subject = useSubject(makeSubject);

    async function savedUser(): Promise<User> {
      const user = UserMother.random();
      await subject().users.save(user);
      return user;
    }

    async function roleNamesOf(user: User): Promise<string[]> {
      return (await subject().roles.rolesOf(user.id)).map((role) => role.name);
    }

    function permissionsOfDefault(name: string): string[] {
      return [...(DEFAULT_ROLES.find((role) => role.name === name)?.permissions ?? [])];
    }

    it('starts with the default roles and their permissions', async () => {
      for (const definition of DEFAULT_ROLES) {
        const role = await subject().roles.findByName(definition.name);

        expect(role, definition.name).not.toBeNull();
        expect(role!.description).toBe(definition.description);
        expect([...role!.permissions].sort()).toEqual([...definition.permissions].sort());
      }
    });

    it('returns null for a role name nobody defined', async () => {
      expect(await subject().roles.findByName(`no-such-role-${RandomMother.word()}`)).toBeNull();
    });

    it('assigns a role, and assigning it again changes nothing', async () => {
      const user = await savedUser();

      await subject().roles.assign(user.id, 'moderator');
      await subject().roles.assign(user.id, 'moderator');

      expect(await roleNamesOf(user)).toEqual(['moderator']);
    });

    it('accepts an existing user as the assigner', async () => {
      const admin = await savedUser();
      const user = await savedUser();

      await subject().roles.assign(user.id, 'user', admin.id);

      expect(await roleNamesOf(user)).toEqual(['user']);
    });

    it('lists the roles of a user sorted by name', async () => {
      const user = await savedUser();

      await subject().roles.assign(user.id, 'user');
      await subject().roles.assign(user.id, 'admin');
      await subject().roles.assign(user.id, 'moderator');

      expect(await roleNamesOf(user)).toEqual(['admin', 'moderator', 'user']);
    });

    it('refuses to assign a role to a user that does not exist', async () => {
      const id = UserId.random();
      const error = await expectDomainError(subject().roles.assign(id, 'user'), NotFoundError, 'NOT_FOUND');
      expect(error).toMatchObject({ entity: 'User', id: id.value });
    });

    it('refuses to assign a role to a deleted user', async () => {
      const user = await savedUser();
      await subject().users.softDelete(user.id);

      const error = await expectDomainError(
        subject().roles.assign(user.id, 'user'),
        NotFoundError,
        'NOT_FOUND',
      );
      expect(error.entity).toBe('User');
    });

    it('refuses to assign a role that does not exist', async () => {
      const user = await savedUser();
      const roleName = `no-such-role-${RandomMother.word()}`;

      const error = await expectDomainError(
        subject().roles.assign(user.id, roleName),
        NotFoundError,
        'NOT_FOUND',
      );

      expect(error).toMatchObject({ entity: 'Role', id: roleName });
      expect(await roleNamesOf(user)).toEqual([]);
    });

    it('refuses an assigner that does not exist', async () => {
      const user = await savedUser();
      const error = await expectDomainError(
        subject().roles.assign(user.id, 'user', UserId.random()),
        NotFoundError,
        'NOT_FOUND',
      );
      expect(error.entity).toBe('User');
      expect(await roleNamesOf(user)).toEqual([]);
    });

    it('revokes a role and keeps the others', async () => {
      const user = await savedUser();
      await subject().roles.assign(user.id, 'user');
      await subject().roles.assign(user.id, 'moderator');

      await subject().roles.revoke(user.id, 'moderator');

      expect(await roleNamesOf(user)).toEqual(['user']);
    });

    it('treats revoking a role the user does not hold as done already', async () => {
      const user = await savedUser();

      await subject().roles.revoke(user.id, 'admin');
      await subject().roles.revoke(UserId.random(), 'admin');

      expect(await roleNamesOf(user)).toEqual([]);
    });

    it('refuses to revoke a role that does not exist', async () => {
      const user = await savedUser();
      const roleName = `no-such-role-${RandomMother.word()}`;

      const error = await expectDomainError(
        subject().roles.revoke(user.id, roleName),
        NotFoundError,
        'NOT_FOUND',
      );

      expect(error).toMatchObject({ entity: 'Role', id: roleName });
    });

    it('gives a user the union of the permissions of their roles', async () => {
      const user = await savedUser();
      await subject().roles.assign(user.id, 'user');
      await subject().roles.assign(user.id, 'moderator');

      const permissions = await subject().roles.permissionsOf(user.id);

      const expected = new Set([...permissionsOfDefault('user'), ...permissionsOfDefault('moderator')]);
      expect([...permissions].sort()).toEqual([...expected].sort());
    });

    it('gives no roles and no permissions to a user who was given none', async () => {
      const user = await savedUser();

      expect(await subject().roles.rolesOf(user.id)).toEqual([]);
      expect((await subject().roles.permissionsOf(user.id)).size).toBe(0);
    });

    it('gives no roles and no permissions to a deleted user', async () => {
      const user = await savedUser();
      await subject().roles.assign(user.id, 'admin');
      await subject().users.softDelete(user.id);

      expect(await subject().roles.rolesOf(user.id)).toEqual([]);
      expect((await subject().roles.permissionsOf(user.id)).size).toBe(0);
    });
  });
}
