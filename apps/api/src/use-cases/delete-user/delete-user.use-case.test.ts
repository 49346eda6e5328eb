import { ForbiddenError, Session } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, fixedClock, inMemoryWorld } from '../../../test/support/in-memory-world';
import { DeleteUserUseCase } from './delete-user.use-case';

describe('DeleteUserUseCase', () => {
  it('hides the user and ends their sessions at once', async () => {
    const { repositories, sessions } = inMemoryWorld();
    const admin = await callerWith(repositories, ['admin']);
    const target = await callerWith(repositories, ['user']);
    const session = Session.start({
      userId: target.userId,
      tokenHash: 'b'.repeat(64),
      now: fixedClock.now(),
      ttlMs: 60_000,
    });
    await sessions.create(session);

    await new DeleteUserUseCase(repositories.users, sessions, fixedClock).execute(admin, {
      userId: target.userId.value,
    });

    expect(await repositories.users.findById(target.userId)).toBeNull();
    expect(await sessions.findActiveByTokenHash(session.tokenHash, fixedClock.now())).toBeNull();
  });

  it('refuses a caller without users:delete, and deletes nothing', async () => {
    const { repositories, sessions } = inMemoryWorld();
    const moderator = await callerWith(repositories, ['moderator']);
    const target = await callerWith(repositories, ['user']);

    await expect(
      new DeleteUserUseCase(repositories.users, sessions, fixedClock).execute(moderator, {
        userId: target.userId.value,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await repositories.users.findById(target.userId)).not.toBeNull();
  });
});
