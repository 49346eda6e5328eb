import { InProcessAttemptWindows } from '@stratum/adapters';
import { UserMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { fixedClock, inMemoryWorld, plainHasher } from '../../../test/support/in-memory-world';
import { LoginRateLimiter } from '../../auth/login-rate-limiter';
import { hashSessionToken } from '../../auth/session-token';
import { InvalidCredentialsError, TooManyLoginsError } from './log-in.errors';
import { LogInUseCase } from './log-in.use-case';

describe('LogInUseCase', () => {
  async function setUp(status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') {
    const world = inMemoryWorld();
    const user = UserMother.random({ passwordHash: await plainHasher.hash('right'), status });
    await world.repositories.users.save(user);
    const limiter = new LoginRateLimiter(new InProcessAttemptWindows(), {
      perEmail: 2,
      perEmailCeiling: 20,
      perIp: 10,
      windowMs: 60_000,
    });
    const logIn = new LogInUseCase(
      world.repositories.users,
      world.sessions,
      plainHasher,
      limiter,
      fixedClock,
      3_600_000,
    );
    return { ...world, user, logIn };
  }

  it('starts a session that expires after the TTL, and stores only the hash of its token', async () => {
    const { user, sessions, logIn } = await setUp();

    const result = await logIn.execute({
      email: user.email.value.toUpperCase(),
      password: 'right',
      ip: '10.0.0.1',
    });

    expect(result.user.id.equals(user.id)).toBe(true);
    expect(result.session.expiresAt.getTime()).toBe(fixedClock.now().getTime() + 3_600_000);
    expect(result.session.tokenHash).toBe(hashSessionToken(result.token));
    expect(
      await sessions.findActiveByTokenHash(hashSessionToken(result.token), fixedClock.now()),
    ).not.toBeNull();
  });

  it.each([
    ['a wrong password', 'right-user', 'wrong'],
    ['an unknown email', 'nobody@example.test', 'right'],
    ['an email that is not one', 'not an email', 'right'],
  ])('answers InvalidCredentialsError for %s', async (_case, email, password) => {
    const { user, logIn } = await setUp();
    const attempt = logIn.execute({
      email: email === 'right-user' ? user.email.value : email,
      password,
      ip: '10.0.0.2',
    });

    await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('refuses a suspended user the same way as a wrong password', async () => {
    const { user, logIn } = await setUp('SUSPENDED');

    await expect(
      logIn.execute({ email: user.email.value, password: 'right', ip: '10.0.0.3' }),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('stops trying an email after too many failures, even with the right password, and says how long to wait', async () => {
    const { user, logIn } = await setUp();
    const input = { email: user.email.value, ip: '10.0.0.4' };
    await expect(logIn.execute({ ...input, password: 'wrong' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    await expect(logIn.execute({ ...input, password: 'wrong' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );

    const refusal = await logIn.execute({ ...input, password: 'right' }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(TooManyLoginsError);
    expect((refusal as TooManyLoginsError).retryAfterSeconds).toBe(60);
  });
});
