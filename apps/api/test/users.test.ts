import { Email } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from './support/test-app';

describe('users', () => {
  const t = useTestApp();
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  describe('POST /users (public sign-up)', () => {
    it("registers an active user with the 'user' role and never returns the password", async () => {
      const email = `new-${crypto.randomUUID()}@Example.test`;

      const response = await t.app.inject({
        method: 'POST',
        url: '/users',
        payload: { email, name: 'Ada Lovelace', password: TEST_PASSWORD, preferences: { theme: 'dark' } },
      });

      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        email: email.toLowerCase(),
        name: 'Ada Lovelace',
        status: 'ACTIVE',
        preferences: { theme: 'dark' },
      });
      expect(response.body).not.toContain(TEST_PASSWORD);
      expect(response.body).not.toContain('argon2');
      const saved = await t.repositories.users.findByEmail(Email.of(email));
      const roles = await t.repositories.roles.rolesOf(saved!.id);
      expect(roles.map((role) => role.name)).toEqual(['user']);
      const login = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
    });

    it('answers 409 EMAIL_TAKEN for an email a live user has', async () => {
      const { user } = await t.caller(['user']);

      const response = await t.app.inject({
        method: 'POST',
        url: '/users',
        payload: { email: user.email.value, name: 'Again', password: TEST_PASSWORD },
      });

      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('EMAIL_TAKEN');
      // Sign-up is public: the answer must not repeat the address it was asked about.
      expect(response.body).not.toContain(user.email.value);
      expect(response.body.toLowerCase()).not.toContain(user.email.value.split('@')[0]!.toLowerCase());
    });

    it('answers 400 naming each failing field', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/users',
        payload: { email: 'x@example.test', name: '', password: 'short', role: 'admin' },
      });

      expect(response.statusCode).toBe(400);
      const fields = response.json().fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'password']));
      expect(response.json().fields).toContainEqual({
        in: 'body',
        field: 'role',
        message: 'is not a known field',
      });
    });

    it('answers 400 on the email field when the domain refuses the address', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/users',
        payload: { email: 'not an email', name: 'X', password: TEST_PASSWORD },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'email' }] });
    });
  });

  describe('GET /users/:id and /users/me', () => {
    it('shows a user their own profile and an administrator anyone', async () => {
      const self = await t.caller(['user']);
      const admin = await t.caller(['admin']);

      expect((await get(`/users/${self.user.id.value}`, self.auth)).json().id).toBe(self.user.id.value);
      expect((await get(`/users/${self.user.id.value}`, admin.auth)).statusCode).toBe(200);
      expect((await get('/users/me', self.auth)).json().permissions).toContain('orders:read:own');
    });

    it('marks answers to a signed-in caller no-store, and leaves public ones alone', async () => {
      const self = await t.caller(['user']);

      expect((await get('/users/me', self.auth)).headers['cache-control']).toBe('no-store');
      expect(
        (await t.app.inject({ method: 'GET', url: '/products/search?q=lamp' })).headers['cache-control'],
      ).toBeUndefined();
    });

    it('knows a user by their own id written in upper case', async () => {
      const self = await t.caller(['user']);

      const response = await get(`/users/${self.user.id.value.toUpperCase()}`, self.auth);
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(self.user.id.value);
    });

    it("refuses another user's profile to a customer with 403", async () => {
      const self = await t.caller(['user']);
      const other = await t.caller(['user']);

      expect((await get(`/users/${other.user.id.value}`, self.auth)).statusCode).toBe(403);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const admin = await t.caller(['admin']);

      expect((await get(`/users/${crypto.randomUUID()}`, admin.auth)).json().code).toBe('NOT_FOUND');
      const malformed = await get('/users/42', admin.auth);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().fields).toEqual([expect.objectContaining({ in: 'params', field: 'id' })]);
    });
  });

  describe('PATCH /users/:id', () => {
    it('lets a user rename themselves and merge preferences', async () => {
      const self = await t.caller(['user']);
      const url = `/users/${self.user.id.value}`;

      await t.app.inject({ method: 'PATCH', url, headers: self.auth, payload: { preferences: { a: 1 } } });
      const response = await t.app.inject({
        method: 'PATCH',
        url,
        headers: self.auth,
        payload: { name: 'Renamed', preferences: { b: 2 } },
      });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'Renamed', preferences: { a: 1, b: 2 } });
    });

    it('refuses a status change to a user without users:write, even on themselves', async () => {
      const self = await t.caller(['user']);

      const response = await t.app.inject({
        method: 'PATCH',
        url: `/users/${self.user.id.value}`,
        headers: self.auth,
        payload: { status: 'INACTIVE' },
      });

      expect(response.statusCode).toBe(403);
    });

    it("ends a user's sessions at once when an administrator suspends them", async () => {
      const target = await t.caller(['user']);
      const admin = await t.caller(['admin']);

      const response = await t.app.inject({
        method: 'PATCH',
        url: `/users/${target.user.id.value}`,
        headers: admin.auth,
        payload: { status: 'SUSPENDED' },
      });

      expect(response.json().status).toBe('SUSPENDED');
      expect((await get('/users/me', target.auth)).statusCode).toBe(401);
      const revoked = await t.database.prisma.session.findMany({ where: { userId: target.user.id.value } });
      expect(revoked.every((session) => session.revokedAt !== null)).toBe(true);
    });

    it('answers 409 when the new email belongs to someone else, and 400 for an empty body', async () => {
      const self = await t.caller(['user']);
      const other = await t.caller(['user']);
      const url = `/users/${self.user.id.value}`;

      const taken = await t.app.inject({
        method: 'PATCH',
        url,
        headers: self.auth,
        payload: { email: other.user.email.value, currentPassword: TEST_PASSWORD },
      });
      const empty = await t.app.inject({ method: 'PATCH', url, headers: self.auth, payload: {} });

      expect(taken.statusCode).toBe(409);
      expect(empty.statusCode).toBe(400);
    });
  });

  describe('DELETE /users/:id', () => {
    it('soft-deletes: the user is gone (404), their token dead (401), deleting again 404', async () => {
      const target = await t.caller(['user']);
      const admin = await t.caller(['admin']);
      const url = `/users/${target.user.id.value}`;

      expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(204);

      expect((await get(url, admin.auth)).statusCode).toBe(404);
      expect((await get('/users/me', target.auth)).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(404);
    });
  });

  describe('GET /users and /users/search', () => {
    it('pages through active users by cursor without repeats', async () => {
      const admin = await t.caller(['admin']);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await get(query, admin.auth)).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((user: { id: string }) => user.id));
        cursor = page.nextCursor;
      } while (cursor);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain(admin.user.id.value);
    });

    it('answers 400 for a forged cursor or an out-of-range limit', async () => {
      const admin = await t.caller(['admin']);

      expect((await get('/users?cursor=bm90LWEtY3Vyc29y', admin.auth)).json().fields).toEqual([
        expect.objectContaining({ field: 'cursor' }),
      ]);
      expect((await get('/users?limit=1000', admin.auth)).statusCode).toBe(400);
    });

    it('finds users by email fragment, status and role', async () => {
      const admin = await t.caller(['admin']);
      const marker = crypto.randomUUID().slice(0, 8);
      const target = await t.caller(['moderator'], { email: `needle-${marker}@example.test` });

      const byEmail = (await get(`/users/search?email=${marker}`, admin.auth)).json();
      const byRole = (
        await get(`/users/search?role=moderator&email=${marker}&status=ACTIVE`, admin.auth)
      ).json();
      const none = (await get(`/users/search?role=admin&email=${marker}`, admin.auth)).json();

      expect(byEmail.items.map((user: { id: string }) => user.id)).toEqual([target.user.id.value]);
      expect(byRole.items).toHaveLength(1);
      expect(none.items).toEqual([]);
    });
  });

  describe('roles', () => {
    it('assigns and revokes a role, idempotently, and lists a user’s roles', async () => {
      const admin = await t.caller(['admin']);
      const target = await t.caller(['user']);
      const url = `/users/${target.user.id.value}/roles/moderator`;

      expect((await t.app.inject({ method: 'PUT', url, headers: admin.auth })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'PUT', url, headers: admin.auth })).statusCode).toBe(204);
      const listed = (await get(`/users/${target.user.id.value}/roles`, target.auth)).json();
      expect(listed.roles.map((role: { name: string }) => role.name)).toEqual(['moderator', 'user']);

      expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'DELETE', url, headers: admin.auth })).statusCode).toBe(204);
      const after = (await get(`/users/${target.user.id.value}/roles`, admin.auth)).json();
      expect(after.roles.map((role: { name: string }) => role.name)).toEqual(['user']);
    });

    it('answers 404 for an unknown role or user, and 403 for a customer reading another’s roles', async () => {
      const admin = await t.caller(['admin']);
      const customer = await t.caller(['user']);

      const unknownRole = await t.app.inject({
        method: 'PUT',
        url: `/users/${customer.user.id.value}/roles/wizard`,
        headers: admin.auth,
      });
      const unknownUser = await t.app.inject({
        method: 'DELETE',
        url: `/users/${crypto.randomUUID()}/roles/user`,
        headers: admin.auth,
      });

      expect(unknownRole.statusCode).toBe(404);
      expect(unknownUser.statusCode).toBe(404);
      expect((await get(`/users/${admin.user.id.value}/roles`, customer.auth)).statusCode).toBe(403);
    });
  });
});
