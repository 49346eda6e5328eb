import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RouteAccess } from '../src/auth/require-permission';
import { useTestApp } from './support/test-app';

// Every route and who may call it; the test below fails if a route is added without a line here.
const EXPECTED_ACCESS: Record<string, string> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /docs': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  'HEAD,GET /docs/static/*': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'authenticated',
  'POST /users': 'public',
  'GET /users/me': 'profile:read',
  'GET /users': 'users:read',
  'GET /users/search': 'users:read',
  'GET /users/:id': 'profile:read | users:read',
  'PATCH /users/:id': 'profile:write | users:write',
  'PUT /users/me/password': 'profile:write',
  'DELETE /users/:id': 'users:delete',
  'GET /users/:id/roles': 'roles:read | profile:read',
  'PUT /users/:id/roles/:role': 'roles:write',
  'DELETE /users/:id/roles/:role': 'roles:write',
  'POST /products': 'products:write',
  'GET /products/search': 'public',
  'GET /products/:id': 'public',
  'PATCH /products/:id/stock': 'products:write',
  'POST /orders': 'orders:write:own | orders:write:any',
  'GET /orders': 'orders:read:own | orders:read:any',
  'GET /orders/:id': 'orders:read:own | orders:read:any',
  'PATCH /orders/:id/status': 'orders:write:own | orders:write:any',
  'POST /accounts': 'accounts:write:own',
  'GET /accounts/:id': 'accounts:read:own | accounts:read:any',
  'POST /accounts/:id/transfers': 'accounts:write:own',
  'GET /accounts/:id/transfers': 'accounts:read:own | accounts:read:any',
};

// Routes a customer (role 'user') must not reach at all.
const ADMIN_ONLY = [
  'GET /users',
  'GET /users/search',
  'DELETE /users/:id',
  'PUT /users/:id/roles/:role',
  'DELETE /users/:id/roles/:role',
  'POST /products',
  'PATCH /products/:id/stock',
];

const describeAccess = ({ access }: RouteAccess) =>
  typeof access === 'string' ? access : access.join(' | ');
const key = ({ method, url }: RouteAccess) => `${method} ${url}`;
const concrete = (url: string) => url.replace(':id', randomUUID()).replace(':role', 'moderator');

describe('access control on every route', () => {
  const t = useTestApp();
  const routes = () => t.app.routeAccess;
  const guarded = () => routes().filter((route) => route.access !== 'public');
  const withPermissions = () => routes().filter((route) => Array.isArray(route.access));

  it('declares exactly the access this table documents', () => {
    expect(Object.fromEntries(routes().map((route) => [key(route), describeAccess(route)]))).toEqual(
      EXPECTED_ACCESS,
    );
  });

  it('refuses every guarded route without a token with 401, before looking at the input', async () => {
    for (const route of guarded()) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: { bad: 1 },
      });
      expect(response.statusCode, key(route)).toBe(401);
      expect(response.json().code, key(route)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every guarded route with 401 for a token that is malformed or unknown', async () => {
    for (const authorization of ['Bearer not-a-token!', `Bearer ${'x'.repeat(43)}`, 'Basic dXNlcjpwYXNz']) {
      for (const route of guarded()) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { authorization },
        });
        expect(response.statusCode, `${key(route)} with ${authorization}`).toBe(401);
      }
    }
  });

  it('refuses every permission-guarded route with 403 to a caller whose roles grant nothing', async () => {
    const nobody = await t.caller([]);
    for (const route of withPermissions()) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: nobody.auth,
      });
      expect(response.statusCode, key(route)).toBe(403);
      expect(response.json().code, key(route)).toBe('FORBIDDEN');
    }
  });

  it("refuses the administrators' routes with 403 to a customer", async () => {
    const customer = await t.caller(['user']);
    for (const name of ADMIN_ONLY) {
      const [method, url] = name.split(' ') as [string, string];
      const response = await t.app.inject({
        method: method as 'GET',
        url: concrete(url),
        headers: customer.auth,
      });
      expect(response.statusCode, name).toBe(403);
    }
  });

  it('reads permissions from the database on every request: a granted role works at once', async () => {
    const customer = await t.caller(['user']);
    const admin = await t.caller(['admin']);
    expect((await t.app.inject({ method: 'GET', url: '/users', headers: customer.auth })).statusCode).toBe(
      403,
    );

    const grant = await t.app.inject({
      method: 'PUT',
      url: `/users/${customer.user.id.value}/roles/moderator`,
      headers: admin.auth,
    });

    expect(grant.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/users', headers: customer.auth })).statusCode).toBe(
      200,
    );
  });
});
