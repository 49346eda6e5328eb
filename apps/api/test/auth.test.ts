import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type TestApp } from './support/test-app';

const WINDOW_MS = 60_000;

function login(t: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, remoteAddress });
}

describe('POST /auth/login and /auth/logout', () => {
  const t = useTestApp({
    config: { loginLimits: { perEmail: 3, perEmailCeiling: 6, perIp: 6, windowMs: WINDOW_MS } },
  });
  // Each test starts with empty rate-limit windows.
  const freshWindow = () => t.clock.advance(WINDOW_MS + 1);

  it('logs in with email and password and the token opens the caller’s profile', async () => {
    freshWindow();
    const { user } = await t.caller(['user']);

    const response = await login(t, user.email.value.toUpperCase(), TEST_PASSWORD);

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { id: user.id.value, email: user.email.value } });
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await t.app.inject({
      method: 'GET',
      url: '/users/me',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id.value, roles: ['user'] });
  });

  it('stores only the SHA-256 of the token, never the token', async () => {
    freshWindow();
    const { user } = await t.caller(['user']);
    const { token } = (await login(t, user.email.value, TEST_PASSWORD)).json();

    const rows = await t.database.prisma.session.findMany({ where: { userId: user.id.value } });

    const digest = createHash('sha256').update(token).digest('hex');
    expect(rows.map((row) => row.tokenHash)).toContain(digest);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers a wrong password and an unknown email alike: 401 INVALID_CREDENTIALS', async () => {
    freshWindow();
    const { user } = await t.caller(['user']);

    const wrong = await login(t, user.email.value, 'not-the-password');
    const unknown = await login(t, 'nobody-here@example.test', TEST_PASSWORD);

    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: wrong.json().message });
  });

  it('refuses a suspended user even with the right password', async () => {
    freshWindow();
    const admin = await t.caller(['admin']);
    const { user } = await t.caller(['user']);
    await t.app.inject({
      method: 'PATCH',
      url: `/users/${user.id.value}`,
      headers: admin.auth,
      payload: { status: 'SUSPENDED' },
    });

    expect((await login(t, user.email.value, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('answers 400 with the failing fields when the body is incomplete', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'a@b.example' },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ in: 'body', field: 'password' }],
    });
  });

  it('limits failed logins per email with 429 and Retry-After, and lets the window slide', async () => {
    freshWindow();
    const { user } = await t.caller(['user']);
    for (let i = 0; i < 3; i++)
      expect((await login(t, user.email.value, 'wrong-password')).statusCode).toBe(401);

    const limited = await login(t, user.email.value, TEST_PASSWORD);

    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_MS / 1_000);
    // The limit is per email: someone else still gets in from the same address.
    const other = await t.caller(['user']);
    expect((await login(t, other.user.email.value, TEST_PASSWORD)).statusCode).toBe(200);

    t.clock.advance(WINDOW_MS);
    expect((await login(t, user.email.value, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits failed logins per client address across emails', async () => {
    freshWindow();
    const address = '203.0.113.9';
    for (let i = 0; i < 6; i++) {
      expect((await login(t, `guess-${i}@example.test`, 'wrong-password', address)).statusCode).toBe(401);
    }
    const { user } = await t.caller(['user']);

    expect((await login(t, user.email.value, TEST_PASSWORD, address)).statusCode).toBe(429);
    expect((await login(t, user.email.value, TEST_PASSWORD, '203.0.113.10')).statusCode).toBe(200);
  });

  it('clears the failures of an email once its owner logs in', async () => {
    freshWindow();
    const { user } = await t.caller(['user']);
    for (let i = 0; i < 2; i++) await login(t, user.email.value, 'wrong-password');
    expect((await login(t, user.email.value, TEST_PASSWORD)).statusCode).toBe(200);

    for (let i = 0; i < 2; i++)
      expect((await login(t, user.email.value, 'wrong-password')).statusCode).toBe(401);
    expect((await login(t, user.email.value, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('revokes the session on logout: the same token is refused at once', async () => {
    const caller = await t.caller(['user']);

    const logout = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: caller.auth });

    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/users/me', headers: caller.auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a session once it has expired', async () => {
    const caller = await t.caller(['user']);
    expect((await t.app.inject({ method: 'GET', url: '/users/me', headers: caller.auth })).statusCode).toBe(
      200,
    );

    t.clock.advance(60 * 60_000);

    expect((await t.app.inject({ method: 'GET', url: '/users/me', headers: caller.auth })).statusCode).toBe(
      401,
    );
  });
});

describe('the client address behind a proxy (TRUST_PROXY=1)', () => {
  const t = useTestApp({
    config: {
      trustProxy: 1,
      loginLimits: { perEmail: 100, perEmailCeiling: 100, perIp: 6, windowMs: WINDOW_MS },
    },
  });

  it('is the one the proxy saw: addresses a client forges in X-Forwarded-For do not escape the limit', async () => {
    const proxy = '10.0.0.2';
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: proxy,
        // The client wrote its own entry; the proxy appended the address it really came from.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.50` },
        payload: { email: `spoof-${i}@example.test`, password: 'wrong-password' },
      });

    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i)).statusCode);

    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
  });
});

describe('failed logins of one account from many clients', () => {
  const t = useTestApp({
    config: { loginLimits: { perEmail: 3, perEmailCeiling: 6, perIp: 100, windowMs: WINDOW_MS } },
  });

  it("do not lock the owner out: a stranger's bad passwords count against the stranger's address", async () => {
    const { user } = await t.caller(['user']);
    for (let i = 0; i < 5; i++) await login(t, user.email.value, 'wrong-password', '198.51.100.7');
    expect((await login(t, user.email.value, 'wrong-password', '198.51.100.7')).statusCode).toBe(429);

    expect((await login(t, user.email.value, TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(200);
  });

  it('past the per-email ceiling slow every client down to one attempt per window/ceiling, not lock it out', async () => {
    t.clock.advance(WINDOW_MS + 1);
    const { user } = await t.caller(['user']);
    for (let i = 0; i < 6; i++) {
      expect((await login(t, user.email.value, 'wrong-password', `198.51.100.${i}`)).statusCode).toBe(401);
    }

    const slowed = await login(t, user.email.value, TEST_PASSWORD, '127.0.0.1');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_MS / 6 / 1_000);

    t.clock.advance(WINDOW_MS / 6);
    expect((await login(t, user.email.value, TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(200);
  });
});

describe('sign-ups from one client address', () => {
  const t = useTestApp({ config: { signUpLimits: { perIp: 2, windowMs: WINDOW_MS } } });

  it('are limited with 429 and Retry-After, taken emails included; another address still signs up', async () => {
    const signUp = (email: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/users',
        remoteAddress,
        payload: { email, name: 'New', password: 'a-long-enough-password' },
      });
    const email = `signup-${crypto.randomUUID()}@example.test`;

    expect((await signUp(email, '198.51.100.20')).statusCode).toBe(201);
    expect((await signUp(email, '198.51.100.20')).statusCode).toBe(409);
    const limited = await signUp(`other-${crypto.randomUUID()}@example.test`, '198.51.100.20');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    expect((await signUp(`third-${crypto.randomUUID()}@example.test`, '198.51.100.21')).statusCode).toBe(201);
  });
});
