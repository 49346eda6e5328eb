import { Session, type Repositories, type SessionRepository } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import {
  callerWith,
  fixedClock,
  inMemoryWorld,
  inProcessLoginLimiter,
  plainHasher,
} from '../../../test/support/in-memory-world';
import { TooManyPasswordAttemptsError, WrongPasswordError } from '../shared/current-password';
import { Principal } from '../shared/principal';
import { ChangePasswordUseCase } from './change-password.use-case';

const PASSWORD = 'the-current-password';
const IP = '203.0.113.7';

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
      change: new ChangePasswordUseCase(
        world.unitOfWork,
        sessions,
        plainHasher,
        inProcessLoginLimiter({ perEmail: 3 }),
        fixedClock,
      ),
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

    await change.execute(caller, { ip: IP, currentPassword: PASSWORD, newPassword: 'a-brand-new-password' });

    expect(await hashOf(repositories, caller)).toBe('hashed:a-brand-new-password');
    expect(await sessions.findActiveByTokenHash(current.tokenHash, fixedClock.now())).not.toBeNull();
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).toBeNull();
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const { repositories, sessions, caller, other, change } = await setUp();

    await expect(
      change.execute(caller, { ip: IP, currentPassword: 'a-guess', newPassword: 'a-brand-new-password' }),
    ).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await hashOf(repositories, caller)).toBe(`hashed:${PASSWORD}`);
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).not.toBeNull();
  });

  it('counts wrong current passwords as failed logins: past the limit even the right one is refused with 429', async () => {
    const { repositories, caller, change } = await setUp();
    const guess = (currentPassword: string, ip = IP) =>
      change.execute(caller, { ip, currentPassword, newPassword: 'a-brand-new-password' });
    // A right password takes its attempt back: it never adds up towards the limit.
    await guess(PASSWORD);
    await guess('a-brand-new-password');
    for (let i = 0; i < 3; i++) await expect(guess(`guess-${i}`)).rejects.toBeInstanceOf(WrongPasswordError);

    const refusal = await guess('a-brand-new-password').catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(TooManyPasswordAttemptsError);
    expect((refusal as TooManyPasswordAttemptsError).retryAfterSeconds).toBe(60);
    expect(await hashOf(repositories, caller)).toBe('hashed:a-brand-new-password');
    // Counted per (user, client) as logins are: the owner elsewhere is not locked out.
    await guess('a-brand-new-password', '198.51.100.1');
    expect(await hashOf(repositories, caller)).toBe('hashed:a-brand-new-password');
  });
});
