// A stolen bearer token must not be enough to take an account over: changing the email or the
// password needs the current password, and either change ends every other session of the user.
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Caller } from './support/test-app';

describe('changing the credentials of an account', () => {
  const t = useTestApp();

  /** The same user signed in twice: the owner's session, and a thief's copy of another token. */
  async function ownerAndThief(): Promise<{ owner: Caller; thief: Caller }> {
    const owner = await t.caller(['user']);
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: owner.user.email.value, password: TEST_PASSWORD },
    });
    const token = login.json().token as string;
    return { owner, thief: { ...owner, token, auth: { authorization: `Bearer ${token}` } } };
  }

  const me = (caller: Caller) => t.app.inject({ method: 'GET', url: '/users/me', headers: caller.auth });
  const patch = (caller: Caller, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/users/${caller.user.id.value}`, headers: caller.auth, payload });

  it('refuses an email change by token alone (400 naming currentPassword) and with a wrong password (403)', async () => {
    const { owner, thief } = await ownerAndThief();

    const bare = await patch(thief, { email: `thief-${crypto.randomUUID()}@example.test` });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields).toEqual([
      { field: 'currentPassword', message: 'is required to change the email or the password' },
    ]);
    const wrong = await patch(thief, { email: 'thief@example.test', currentPassword: 'not-the-password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('WRONG_PASSWORD');

    expect((await me(owner)).json().email).toBe(owner.user.email.value);
  });

  it('changes the email on the current password and ends every other session', async () => {
    const { owner, thief } = await ownerAndThief();
    const email = `moved-${crypto.randomUUID()}@example.test`;

    const changed = await patch(owner, { email, currentPassword: TEST_PASSWORD });

    expect(changed.statusCode).toBe(200);
    expect(changed.json().email).toBe(email);
    expect((await me(owner)).statusCode).toBe(200);
    expect((await me(thief)).statusCode).toBe(401);
  });

  it('changes the password on the current one, ends every other session, and the new one logs in', async () => {
    const { owner, thief } = await ownerAndThief();
    const change = (caller: Caller, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PUT', url: '/users/me/password', headers: caller.auth, payload });

    expect(
      (await change(thief, { currentPassword: 'a-guess', newPassword: 'stolen-forever-1' })).statusCode,
    ).toBe(403);
    expect((await me(thief)).statusCode).toBe(200);

    const changed = await change(owner, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-long-password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(owner)).statusCode).toBe(200);
    expect((await me(thief)).statusCode).toBe(401);

    const login = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: owner.user.email.value, password },
      });
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('a-new-long-password')).statusCode).toBe(200);
  });

  it('counts wrong current passwords as failed logins: past the limit 429 with Retry-After, on every route that checks one', async () => {
    const { owner, thief } = await ownerAndThief();
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/users/me/password',
        headers: thief.auth,
        payload: { currentPassword, newPassword: 'stolen-forever-1' },
      });
    // LOGIN_MAX_FAILURES_PER_EMAIL's default: 5 per (user, client address).
    for (let i = 0; i < 5; i++) expect((await change(`guess-${i}`)).statusCode).toBe(403);

    const limited = await change(TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', requestId: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const email = await patch(thief, { email: 'thief@example.test', currentPassword: TEST_PASSWORD });
    expect(email.statusCode).toBe(429);
    const login = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress,
        payload: { email: owner.user.email.value, password: TEST_PASSWORD },
      });
    expect((await login('127.0.0.1')).statusCode).toBe(429);
    // The guesses counted against the guesser's address: the owner elsewhere still gets in.
    expect((await login('198.51.100.9')).statusCode).toBe(200);
    expect((await me(owner)).statusCode).toBe(200);
  });
});
