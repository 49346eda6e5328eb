// Input PostgreSQL would refuse never becomes a 500: NUL characters are refused by the domain and
// at the door with 400 naming the field, forged cursor dates by the cursor codec, and anything
// that still reaches the database and is refused there as bad data (SQLSTATE class 22) is a 400.
import { PageRequest } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { productBody } from './support/fixtures';
import { useTestApp } from './support/test-app';

const forgedCursor = (iso: string) =>
  Buffer.from(JSON.stringify([iso, crypto.randomUUID()])).toString('base64url');

describe('hostile input', () => {
  const t = useTestApp();

  describe('a NUL character', () => {
    it('in the name at sign-up is a 400 naming the field, and nobody is registered', async () => {
      const email = `nul-${crypto.randomUUID()}@example.test`;
      const response = await t.app.inject({
        method: 'POST',
        url: '/users',
        payload: { email, name: 'Ada\u0000', password: 'a-long-enough-password' },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ in: 'body', field: 'name', message: 'must not contain NUL characters' }],
      });
      expect(
        await t.repositories.users.search({ emailContains: email }, PageRequest.of({ limit: 1 })),
      ).toEqual([]);
    });

    it('in a profile update is a 400 naming the field', async () => {
      const caller = await t.caller(['user']);
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/users/${caller.user.id.value}`,
        headers: caller.auth,
        payload: { name: 'Mallory\u0000' },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([
        { in: 'body', field: 'name', message: 'must not contain NUL characters' },
      ]);
    });

    it.each(['sku', 'name', 'description'])("in a product's %s is a 400 naming it", async (field) => {
      const admin = await t.caller(['admin']);
      const response = await t.app.inject({
        method: 'POST',
        url: '/products',
        headers: admin.auth,
        payload: productBody({ [field]: 'with \u0000 inside' }),
      });

      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([
        { in: 'body', field, message: 'must not contain NUL characters' },
      ]);
    });

    it.each([
      ['/users/search?name=a%00b', 'name'],
      ['/users/search?email=a%00b', 'email'],
      ['/products/search?q=lamp%00', 'q'],
    ])('in the search %s is a 400 naming the parameter', async (url, field) => {
      const admin = await t.caller(['admin']);
      const response = await t.app.inject({ method: 'GET', url, headers: admin.auth });

      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([
        { in: 'querystring', field, message: 'must not contain NUL characters' },
      ]);
    });
  });

  describe('a cursor dated outside any row', () => {
    it.each(['0000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'])(
      'dated %s is a 400 on /users, /orders and /accounts/{id}/transfers',
      async (iso) => {
        const admin = await t.caller(['admin']);
        const account = await t.app.inject({
          method: 'POST',
          url: '/accounts',
          headers: admin.auth,
          payload: { currency: 'USD' },
        });
        const cursor = forgedCursor(iso);
        for (const path of ['/users', '/orders', `/accounts/${account.json().id}/transfers`]) {
          const response = await t.app.inject({
            method: 'GET',
            url: `${path}?cursor=${cursor}`,
            headers: admin.auth,
          });
          expect(response.statusCode, path).toBe(400);
          expect(response.json().fields, path).toEqual([
            { field: 'cursor', message: 'is not a cursor this service issued' },
          ]);
        }
      },
    );
  });
});
