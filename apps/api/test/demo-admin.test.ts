import { PrismaUnitOfWork, createPrismaRepositories } from '@stratum/adapters';
import { Email } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from '../src/auth/password-hasher';
import { ensureDemoAdmin } from '../src/bootstrap/demo-admin';
import { systemClock } from '../src/config/clock';
import { useTestApp } from './support/test-app';

describe('the demo admin (seed-admin)', () => {
  const t = useTestApp();
  // As seed-admin.ts does it, from a process of its own: on the plain adapters, past the API's cache.
  const ensure = (email: string) =>
    ensureDemoAdmin({
      users: createPrismaRepositories(t.database.prisma).users,
      unitOfWork: new PrismaUnitOfWork(t.database.prisma),
      hasher: new Argon2PasswordHasher(),
      clock: systemClock,
      email,
    });

  it('is created once, with a working generated password, the admin role and a funded account', async () => {
    const email = `admin-${crypto.randomUUID()}@stratum.example`;

    const first = await ensure(email);
    const again = await ensure(email);

    expect(again).toEqual({ created: false, email });
    if (!first.created) return expect.fail('the first run must create the admin');
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password: first.password },
    });
    expect(login.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${login.json().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/users/me', headers: auth })).json().roles).toEqual([
      'admin',
    ]);
    const account = await t.app.inject({ method: 'GET', url: `/accounts/${first.accountId}`, headers: auth });
    expect(account.json()).toMatchObject({ balance: '10000.00', currency: 'USD' });
    const stored = await t.repositories.users.findByEmail(Email.of(email));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('is created exactly once when two processes start together', async () => {
    const email = `admin-${crypto.randomUUID()}@stratum.example`;

    const outcomes = await Promise.all([ensure(email), ensure(email)]);

    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
  });
});
