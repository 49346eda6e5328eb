import { InProcessAttemptWindows } from '@stratum/adapters';
import { Email, EmailTakenError } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { fixedClock, inMemoryWorld, plainHasher } from '../../../test/support/in-memory-world';
import type { PasswordHasher } from '../../auth/password-hasher';
import { SignUpRateLimiter } from '../../auth/sign-up-rate-limiter';
import { TooManySignUpsError } from './register-user.errors';
import { RegisterUserUseCase, SIGN_UP_ROLE } from './register-user.use-case';

const IP = '203.0.113.1';
const limiter = (perIp = 100) =>
  new SignUpRateLimiter(new InProcessAttemptWindows(), { perIp, windowMs: 60_000 });

describe('RegisterUserUseCase', () => {
  it('saves an active user with a hashed password and the sign-up role', async () => {
    const { repositories, unitOfWork } = inMemoryWorld();
    const register = new RegisterUserUseCase(unitOfWork, plainHasher, limiter(), fixedClock);

    const user = await register.execute({
      email: 'Ada@Example.test',
      name: 'Ada',
      password: 'open sesame',
      ip: IP,
    });

    const saved = await repositories.users.findByEmail(Email.of('ada@example.test'));
    expect(saved?.id.equals(user.id)).toBe(true);
    expect(saved?.passwordHash).toBe('hashed:open sesame');
    expect(saved?.createdAt).toEqual(fixedClock.now());
    expect((await repositories.roles.rolesOf(user.id)).map((role) => role.name)).toEqual([SIGN_UP_ROLE]);
  });

  it('refuses a taken email and keeps only the first user', async () => {
    const { repositories, unitOfWork, store } = inMemoryWorld();
    const register = new RegisterUserUseCase(unitOfWork, plainHasher, limiter(), fixedClock);
    await register.execute({ email: 'ada@example.test', name: 'Ada', password: 'first', ip: IP });

    await expect(
      register.execute({ email: 'ADA@example.test', name: 'Impostor', password: 'second', ip: IP }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(store.users.size).toBe(1);
    expect(store.userRoles.size).toBe(1);
    expect((await repositories.users.findByEmail(Email.of('ada@example.test')))?.name).toBe('Ada');
  });

  it('refuses sign-ups past the per-address limit before hashing anything, and others still pass', async () => {
    const { unitOfWork, store } = inMemoryWorld();
    let hashes = 0;
    const countingHasher: PasswordHasher = {
      ...plainHasher,
      hash: async (p) => (hashes++, plainHasher.hash(p)),
    };
    const register = new RegisterUserUseCase(unitOfWork, countingHasher, limiter(2), fixedClock);
    const signUp = (n: number, ip = IP) =>
      register.execute({ email: `user-${n}@example.test`, name: 'N', password: 'pw-pw-pw-pw', ip });

    await signUp(1);
    await signUp(2);
    await expect(signUp(3)).rejects.toBeInstanceOf(TooManySignUpsError);
    expect(hashes).toBe(2);
    expect(store.users.size).toBe(2);
    await signUp(4, '203.0.113.2');
    expect(store.users.size).toBe(3);
  });
});
