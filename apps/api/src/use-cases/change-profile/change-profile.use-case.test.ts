import { ForbiddenError, NotFoundError, Session, UserId } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, fixedClock, inMemoryWorld } from '../../../test/support/in-memory-world';
import { ChangeProfileUseCase } from './change-profile.use-case';

describe('ChangeProfileUseCase', () => {
  function setUp() {
    const world = inMemoryWorld();
    return { ...world, change: new ChangeProfileUseCase(world.unitOfWork, world.sessions, fixedClock) };
  }

  it("changes the caller's own name, email and preferences", async () => {
    const { repositories, change } = setUp();
    const caller = await callerWith(repositories, ['user']);

    const updated = await change.execute(caller, {
      userId: caller.userId.value,
      name: 'Ada L.',
      email: 'ada.l@example.test',
      preferences: { theme: 'dark' },
    });

    expect(updated).toMatchObject({ name: 'Ada L.', preferences: { theme: 'dark' } });
    expect((await repositories.users.findById(caller.userId))?.email.value).toBe('ada.l@example.test');
  });

  it('refuses a status change without users:write, and changes nothing', async () => {
    const { repositories, change } = setUp();
    const caller = await callerWith(repositories, ['user']);

    await expect(
      change.execute(caller, { userId: caller.userId.value, name: 'Renamed', status: 'SUSPENDED' }),
    ).rejects.toThrow(new ForbiddenError('Changing a status requires users:write'));
    expect((await repositories.users.findById(caller.userId))?.status).toBe('ACTIVE');
    expect((await repositories.users.findById(caller.userId))?.name).not.toBe('Renamed');
  });

  it("refuses profile:write on someone else's profile", async () => {
    const { repositories, change } = setUp();
    const caller = await callerWith(repositories, ['user']);
    const other = await callerWith(repositories, ['user']);

    await expect(
      change.execute(caller, { userId: other.userId.value, name: 'Mine now' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('ends every session of a user it suspends', async () => {
    const { repositories, sessions, change } = setUp();
    const admin = await callerWith(repositories, ['admin']);
    const target = await callerWith(repositories, ['user']);
    const session = Session.start({
      userId: target.userId,
      tokenHash: 'a'.repeat(64),
      now: fixedClock.now(),
      ttlMs: 60_000,
    });
    await sessions.create(session);

    const suspended = await change.execute(admin, { userId: target.userId.value, status: 'SUSPENDED' });

    expect(suspended.status).toBe('SUSPENDED');
    expect(await sessions.findActiveByTokenHash(session.tokenHash, fixedClock.now())).toBeNull();
  });

  it('answers NotFoundError for a user that does not exist', async () => {
    const { repositories, change } = setUp();
    const admin = await callerWith(repositories, ['admin']);
    const missing = UserId.random().value;

    await expect(change.execute(admin, { userId: missing, name: 'Nobody' })).rejects.toThrow(
      new NotFoundError('User', missing),
    );
  });
});
