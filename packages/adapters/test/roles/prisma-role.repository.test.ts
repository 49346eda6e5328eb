import { DEFAULT_ROLES, NotFoundError, UserId, type User } from '@stratum/domain';
import { UserMother, expectDomainError } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrismaRoleRepository } from '../../src/roles/prisma-role.repository';
import { PrismaUserRepository } from '../../src/users/prisma-user.repository';
import { useTestDatabase } from '../support/test-database';
import { captureQueries, onlyQueryOf, type QueryCapture } from '../support/query-capture';

// What the contract cannot see from outside: statement counts, the stored grant, races, and
// role names that try to be SQL.
const handle = useTestDatabase({ emitQueryEvents: true });
let capture: QueryCapture;
let users: PrismaUserRepository;
let roles: PrismaRoleRepository;

beforeAll(() => {
  capture = captureQueries(handle.database.prisma);
  users = new PrismaUserRepository(handle.database.prisma);
  roles = new PrismaRoleRepository(handle.database.prisma);
});

async function savedUser(): Promise<User> {
  const user = UserMother.random();
  await users.save(user);
  return user;
}

async function grantsOf(user: User) {
  return handle.database.prisma.$queryRaw<{ assignedBy: string | null }[]>`
    SELECT assigned_by AS "assignedBy" FROM user_roles WHERE user_id = ${user.id.value}::uuid`;
}

describe('PrismaRoleRepository', () => {
  it('assigns a role, or finds out why it cannot, in a single statement', async () => {
    const user = await savedUser();

    await onlyQueryOf(capture, () => roles.assign(user.id, 'user'));
    await onlyQueryOf(capture, () => roles.assign(user.id, 'user'));
    await onlyQueryOf(capture, () =>
      expectDomainError(roles.assign(user.id, 'no-such-role'), NotFoundError, 'NOT_FOUND'),
    );
    await onlyQueryOf(capture, () =>
      expectDomainError(roles.assign(UserId.random(), 'user'), NotFoundError, 'NOT_FOUND'),
    );
  });

  it('keeps the first assigner when the role is assigned again', async () => {
    const [first, second, user] = [await savedUser(), await savedUser(), await savedUser()];

    await roles.assign(user.id, 'moderator', first.id);
    await roles.assign(user.id, 'moderator', second.id);

    expect(await grantsOf(user)).toEqual([{ assignedBy: first.id.value }]);
  });

  it('stores one grant when the same role is assigned many times at once', async () => {
    const user = await savedUser();

    await Promise.all(Array.from({ length: 8 }, () => roles.assign(user.id, 'admin')));

    expect(await grantsOf(user)).toHaveLength(1);
  });

  it('refuses a deleted assigner, naming the assigner', async () => {
    const [assigner, user] = [await savedUser(), await savedUser()];
    await users.softDelete(assigner.id);

    const error = await expectDomainError(
      roles.assign(user.id, 'user', assigner.id),
      NotFoundError,
      'NOT_FOUND',
    );

    expect(error).toMatchObject({ entity: 'User', id: assigner.id.value });
    expect(await grantsOf(user)).toEqual([]);
  });

  it('revokes a role in a single statement', async () => {
    const user = await savedUser();
    await roles.assign(user.id, 'user');

    await onlyQueryOf(capture, () => roles.revoke(user.id, 'user'));

    expect(await grantsOf(user)).toEqual([]);
  });

  it('reads the union of permissions in a single query', async () => {
    const user = await savedUser();
    await roles.assign(user.id, 'user');
    await roles.assign(user.id, 'moderator');
    const permissionsOfRole = (name: string) => DEFAULT_ROLES.find((role) => role.name === name)!.permissions;
    // Each role grants something the other does not, so only the union passes.
    const union = new Set([...permissionsOfRole('user'), ...permissionsOfRole('moderator')]);
    expect(union.size).toBeGreaterThan(permissionsOfRole('user').length);
    expect(union.size).toBeGreaterThan(permissionsOfRole('moderator').length);

    let permissions: Set<string> | undefined;
    await onlyQueryOf(capture, async () => {
      permissions = await roles.permissionsOf(user.id);
    });

    expect([...permissions!].sort()).toEqual([...union].sort());
  });

  it('treats a role name written as SQL as an unknown role and changes nothing', async () => {
    const user = await savedUser();
    const name = "user'; DELETE FROM user_roles; DROP TABLE roles; --";
    await roles.assign(user.id, 'user');

    expect(await roles.findByName(name)).toBeNull();
    const assigning = await expectDomainError(roles.assign(user.id, name), NotFoundError, 'NOT_FOUND');
    const revoking = await expectDomainError(roles.revoke(user.id, name), NotFoundError, 'NOT_FOUND');

    expect(assigning).toMatchObject({ entity: 'Role', id: name });
    expect(revoking).toMatchObject({ entity: 'Role', id: name });
    expect((await roles.rolesOf(user.id)).map((role) => role.name)).toEqual(['user']);
    expect(await roles.findByName('admin')).not.toBeNull();
  });
});
