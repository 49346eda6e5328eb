import { Session, type Repositories, type SessionRepository } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, fixedClock, inMemoryWorld, plainHasher } from '../../../test/support/in-memory-world';
import { WrongPasswordError } from '../shared/current-password';
import { Principal } from '../shared/principal';
import { ChangePasswordUseCase } from './change-password.use-case';

const PASSWORD = 'the-current-password';

describe('ChangePasswordUseCase', () => {
  async function setUp() {
    const world = inMemoryWorld();
    const { repositories, sessions } = world;
    const caller = await callerWith(repositories, ['user']);
    const user = (await repositories.users.findById(caller.userId))!;
    await repositories.users.save(user.changePasswordHash(await plainHasher.hash(PASSWORD)));
    const current = await started(sessions, caller, 'c');
    const other = await started(sessions, caller, 'e');
    return {
      ...world,
      caller: new Principal(caller.userId, current.id, caller.permissions),
      current,
      other,
      change: new ChangePasswordUseCase(world.unitOfWork, sessions, plainHasher, fixedClock),
    };
  }

  async function started(sessions: SessionRepository, caller: Principal, fill: string) {
    const session = Session.start({
      userId: caller.userId,
      tokenHash: fill.repeat(64),
      now: fixedClock.now(),
      ttlMs: 60_000,
    });
    await sessions.create(session);
    return session;
  }

  const hashOf = async (repositories: Repositories, caller: Principal) =>
    (await repositories.users.findById(caller.userId))!.passwordHash;

  it('stores the new password and ends every other session, keeping the caller’s', async () => {
    const { repositories, sessions, caller, current, other, change } = await setUp();

    await change.execute(caller, { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' });

    expect(await hashOf(repositories, caller)).toBe('hashed:a-brand-new-password');
    expect(await sessions.findActiveByTokenHash(current.tokenHash, fixedClock.now())).not.toBeNull();
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).toBeNull();
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const { repositories, sessions, caller, other, change } = await setUp();

    await expect(
      change.execute(caller, { currentPassword: 'a-guess', newPassword: 'a-brand-new-password' }),
    ).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await hashOf(repositories, caller)).toBe(`hashed:${PASSWORD}`);
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).not.toBeNull();
  });
});
