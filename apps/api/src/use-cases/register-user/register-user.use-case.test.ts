import { Email, EmailTakenError } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { fixedClock, inMemoryWorld, plainHasher } from '../../../test/support/in-memory-world';
import { RegisterUserUseCase, SIGN_UP_ROLE } from './register-user.use-case';

describe('RegisterUserUseCase', () => {
  it('saves an active user with a hashed password and the sign-up role', async () => {
    const { repositories, unitOfWork } = inMemoryWorld();
    const register = new RegisterUserUseCase(unitOfWork, plainHasher, fixedClock);

    const user = await register.execute({ email: 'Ada@Example.test', name: 'Ada', password: 'open sesame' });

    const saved = await repositories.users.findByEmail(Email.of('ada@example.test'));
    expect(saved?.id.equals(user.id)).toBe(true);
    expect(saved?.passwordHash).toBe('hashed:open sesame');
    expect(saved?.createdAt).toEqual(fixedClock.now());
    expect((await repositories.roles.rolesOf(user.id)).map((role) => role.name)).toEqual([SIGN_UP_ROLE]);
  });

  it('refuses a taken email and keeps only the first user', async () => {
    const { repositories, unitOfWork, store } = inMemoryWorld();
    const register = new RegisterUserUseCase(unitOfWork, plainHasher, fixedClock);
    await register.execute({ email: 'ada@example.test', name: 'Ada', password: 'first' });

    await expect(
      register.execute({ email: 'ADA@example.test', name: 'Impostor', password: 'second' }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(store.users.size).toBe(1);
    expect(store.userRoles.size).toBe(1);
    expect((await repositories.users.findByEmail(Email.of('ada@example.test')))?.name).toBe('Ada');
  });
});
