import { describe, expect, it } from 'vitest';
import { LogCapture } from './support/log-capture';
import { TEST_PASSWORD, useTestApp } from './support/test-app';

describe('structured logs', () => {
  const logs = new LogCapture();
  const t = useTestApp({ server: { logger: { level: 'info', stream: logs } } });

  it('write one JSON line per event, each request with its id, and never a password, token or email', async () => {
    const admin = await t.caller(['admin']);
    const { user } = await t.caller(['user']);
    const email = user.email.value;

    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const token = login.json().token as string;
    await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password: 'wrong-password-here' },
    });
    await t.app.inject({
      method: 'GET',
      url: `/users/search?email=${encodeURIComponent(email)}&limit=5`,
      headers: admin.auth,
    });
    await t.app.inject({
      method: 'GET',
      url: `/users/search?name=${encodeURIComponent(email)}`,
      headers: admin.auth,
    });
    await t.app.inject({
      method: 'POST',
      url: '/users',
      payload: { email, name: 'Dup', password: TEST_PASSWORD },
    });
    await t.app.inject({ method: 'GET', url: '/users/me', headers: { authorization: `Bearer ${token}` } });

    const entries = logs.entries();
    const completed = entries.filter((entry) => entry.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(
      completed.every(
        (entry) => typeof entry.requestId === 'string' && typeof entry.responseTime === 'number',
      ),
    ).toBe(true);
    for (const secret of [
      TEST_PASSWORD,
      'wrong-password-here',
      token,
      admin.token,
      email,
      encodeURIComponent(email),
    ]) {
      expect(logs.text).not.toContain(secret);
    }
    expect(logs.text).toContain('/users/search?email=[REDACTED]&limit=5');
  });
});
