import { ForbiddenError, NotFoundError } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import { GrantRoleUseCase } from './grant-role.use-case';

describe('GrantRoleUseCase', () => {
  it('gives the role and records who granted it', async () => {
    const { repositories, store } = inMemoryWorld();
    const admin = await callerWith(repositories, ['admin']);
    const target = await callerWith(repositories, ['user']);

    await new GrantRoleUseCase(repositories.roles).execute(admin, {
      userId: target.userId.value,
      role: 'moderator',
    });

    expect((await repositories.roles.permissionsOf(target.userId)).has('orders:write:any')).toBe(true);
    const assignment = [...store.userRoles.values()].find(
      (row) => row.userId === target.userId.value && row.assignedBy !== null,
    );
    expect(assignment?.assignedBy).toBe(admin.userId.value);
  });

  it('refuses a caller without roles:write, and grants nothing', async () => {
    const { repositories } = inMemoryWorld();
    const moderator = await callerWith(repositories, ['moderator']);

    await expect(
      new GrantRoleUseCase(repositories.roles).execute(moderator, {
        userId: moderator.userId.value,
        role: 'admin',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await repositories.roles.permissionsOf(moderator.userId)).has('roles:write')).toBe(false);
  });

  it('answers NotFoundError for a role that does not exist', async () => {
    const { repositories } = inMemoryWorld();
    const admin = await callerWith(repositories, ['admin']);

    await expect(
      new GrantRoleUseCase(repositories.roles).execute(admin, { userId: admin.userId.value, role: 'wizard' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
