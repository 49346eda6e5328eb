import { ForbiddenError, NotFoundError, UserId } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, inMemoryWorld } from '../../../test/support/in-memory-world';
import { RevokeRoleUseCase } from './revoke-role.use-case';

describe('RevokeRoleUseCase', () => {
  it('takes the role and its permissions away', async () => {
    const { repositories } = inMemoryWorld();
    const admin = await callerWith(repositories, ['admin']);
    const target = await callerWith(repositories, ['user', 'moderator']);

    await new RevokeRoleUseCase(repositories.users, repositories.roles).execute(admin, {
      userId: target.userId.value,
      role: 'moderator',
    });

    expect((await repositories.roles.rolesOf(target.userId)).map((role) => role.name)).toEqual(['user']);
  });

  it('answers NotFoundError for a user that does not exist, where the port would shrug', async () => {
    const { repositories } = inMemoryWorld();
    const admin = await callerWith(repositories, ['admin']);
    const missing = UserId.random().value;

    await expect(
      new RevokeRoleUseCase(repositories.users, repositories.roles).execute(admin, {
        userId: missing,
        role: 'user',
      }),
    ).rejects.toThrow(new NotFoundError('User', missing));
  });

  it('refuses a caller without roles:write, and revokes nothing', async () => {
    const { repositories } = inMemoryWorld();
    const caller = await callerWith(repositories, ['user']);

    await expect(
      new RevokeRoleUseCase(repositories.users, repositories.roles).execute(caller, {
        userId: caller.userId.value,
        role: 'user',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await repositories.roles.rolesOf(caller.userId)).length).toBe(1);
  });
});
