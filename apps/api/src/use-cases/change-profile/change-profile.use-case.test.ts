import {
  ForbiddenError,
  NotFoundError,
  Session,
  UserId,
  ValidationError,
  type Repositories,
  type SessionRepository,
} from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import {
  callerWith,
  fixedClock,
  inMemoryWorld,
  inProcessLoginLimiter,
  plainHasher,
} from '../../../test/support/in-memory-world';
import { WrongPasswordError } from '../shared/current-password';
import { Principal } from '../shared/principal';
import { ChangeProfileUseCase } from './change-profile.use-case';

const PASSWORD = 'the-current-password';
const IP = '203.0.113.7';

describe('ChangeProfileUseCase', () => {
  function setUp() {
    const world = inMemoryWorld();
    return {
      ...world,
      change: new ChangeProfileUseCase(
        world.unitOfWork,
        world.sessions,
        plainHasher,
        inProcessLoginLimiter(),
        fixedClock,
      ),
    };
  }

  /** A caller whose password is PASSWORD, and a second live session of theirs (say, a stolen token). */
  async function callerWithPassword(repositories: Repositories, sessions: SessionRepository) {
    const caller = await callerWith(repositories, ['user']);
    const user = (await repositories.users.findById(caller.userId))!;
    await repositories.users.save(user.changePasswordHash(await plainHasher.hash(PASSWORD)));
    const current = Session.start({
      userId: caller.userId,
      tokenHash: 'c'.repeat(64),
      now: fixedClock.now(),
      ttlMs: 60_000,
    });
    const other = Session.start({
      userId: caller.userId,
      tokenHash: 'e'.repeat(64),
      now: fixedClock.now(),
      ttlMs: 60_000,
    });
    await sessions.create(current);
    await sessions.create(other);
    return { caller: new Principal(caller.userId, current.id, caller.permissions), current, other };
  }

  it("changes the caller's own name, email and preferences, the email on the current password", async () => {
    const { repositories, sessions, change } = setUp();
    const { caller } = await callerWithPassword(repositories, sessions);

    const updated = await change.execute(caller, {
      ip: IP,
      userId: caller.userId.value,
      name: 'Ada L.',
      email: 'ada.l@example.test',
      preferences: { theme: 'dark' },
      currentPassword: PASSWORD,
    });

    expect(updated).toMatchObject({ name: 'Ada L.', preferences: { theme: 'dark' } });
    expect((await repositories.users.findById(caller.userId))?.email.value).toBe('ada.l@example.test');
  });

  it("refuses an email change of one's own without the current password, or with a wrong one", async () => {
    const { repositories, sessions, change } = setUp();
    const { caller, other } = await callerWithPassword(repositories, sessions);
    const before = (await repositories.users.findById(caller.userId))!.email.value;

    await expect(
      change.execute(caller, { ip: IP, userId: caller.userId.value, email: 'thief@example.test' }),
    ).rejects.toThrow(
      new ValidationError('currentPassword', 'is required to change the email or the password'),
    );
    await expect(
      change.execute(caller, {
        ip: IP,
        userId: caller.userId.value,
        email: 'thief@example.test',
        currentPassword: 'guess',
      }),
    ).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await repositories.users.findById(caller.userId))!.email.value).toBe(before);
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).not.toBeNull();
  });

  it("ends every other session of the user when the email changes, and keeps the caller's", async () => {
    const { repositories, sessions, change } = setUp();
    const { caller, current, other } = await callerWithPassword(repositories, sessions);

    await change.execute(caller, {
      ip: IP,
      userId: caller.userId.value,
      email: `new-${crypto.randomUUID()}@example.test`,
      currentPassword: PASSWORD,
    });

    expect(await sessions.findActiveByTokenHash(current.tokenHash, fixedClock.now())).not.toBeNull();
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).toBeNull();
  });

  it('lets a name change through without a password', async () => {
    const { repositories, sessions, change } = setUp();
    const { caller, other } = await callerWithPassword(repositories, sessions);

    expect(
      (await change.execute(caller, { ip: IP, userId: caller.userId.value, name: 'Just a name' })).name,
    ).toBe('Just a name');
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).not.toBeNull();
  });

  it('refuses a status change without users:write, and changes nothing', async () => {
    const { repositories, change } = setUp();
    const caller = await callerWith(repositories, ['user']);

    await expect(
      change.execute(caller, { ip: IP, userId: caller.userId.value, name: 'Renamed', status: 'SUSPENDED' }),
    ).rejects.toThrow(new ForbiddenError('Changing a status requires users:write'));
    expect((await repositories.users.findById(caller.userId))?.status).toBe('ACTIVE');
    expect((await repositories.users.findById(caller.userId))?.name).not.toBe('Renamed');
  });

  it("refuses profile:write on someone else's profile", async () => {
    const { repositories, change } = setUp();
    const caller = await callerWith(repositories, ['user']);
    const other = await callerWith(repositories, ['user']);

    await expect(
      change.execute(caller, { ip: IP, userId: other.userId.value, name: 'Mine now' }),
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

    const suspended = await change.execute(admin, {
      ip: IP,
      userId: target.userId.value,
      status: 'SUSPENDED',
    });

    expect(suspended.status).toBe('SUSPENDED');
    expect(await sessions.findActiveByTokenHash(session.tokenHash, fixedClock.now())).toBeNull();
  });

  it('answers NotFoundError for a user that does not exist', async () => {
    const { repositories, change } = setUp();
    const admin = await callerWith(repositories, ['admin']);
    const missing = UserId.random().value;

    await expect(change.execute(admin, { ip: IP, userId: missing, name: 'Nobody' })).rejects.toThrow(
      new NotFoundError('User', missing),
    );
  });
});
