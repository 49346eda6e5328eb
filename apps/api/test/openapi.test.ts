import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { description: string }>;
}

describe('the OpenAPI document', () => {
  const t = useTestApp();
  const document = async () => (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
  const operations = async () =>
    Object.entries((await document()).paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, item]) =>
        METHODS.filter((method) => item[method]).map((method) => ({
          route: `${method} ${path}`,
          ...item[method]!,
        })),
    );

  it("passes Redocly's strict recommended rules with no problem at all", async () => {
    const config = await createConfig({
      extends: ['recommended-strict'],
      rules: {
        // The project has chosen no licence to publish the API under.
        'info-license': 'off',
        // Health and metrics answer 200 or 503, never a 4XX; the test below holds every other
        // operation to documenting its refusals.
        'operation-4xx-response': 'off',
      },
    });

    const problems = await lintFromString({ source: JSON.stringify(await document()), config });

    expect(
      problems.map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`),
    ).toEqual([]);
  });

  it('documents the error shape for 4XX and 5XX on every operation but health and metrics', async () => {
    const lacking = (await operations())
      .filter((operation) => !/ \/(health|metrics)/.test(operation.route))
      .filter((operation) => !operation.responses['4XX'] || !operation.responses['5XX'])
      .map((operation) => operation.route);

    expect(lacking).toEqual([]);
  });

  it('names every operation uniquely, for generated clients', async () => {
    const ids = (await operations()).map((operation) => operation.operationId);

    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states security on every operation: none on public routes, the bearer token elsewhere', async () => {
    const byRoute = Object.fromEntries(
      (await operations()).map((operation) => [operation.route, operation.security]),
    );

    expect(byRoute['post /users']).toEqual([]);
    expect(byRoute['get /health/ready']).toEqual([]);
    expect(byRoute['post /accounts/{id}/transfers']).toEqual([{ bearerAuth: [] }]);
    expect(Object.values(byRoute).every((security) => Array.isArray(security))).toBe(true);
  });

  it('describes every response, and has servers and only components in use', async () => {
    const doc = await document();
    const descriptions = (await operations()).flatMap((operation) =>
      Object.values(operation.responses).map((response) => response.description),
    );

    expect(descriptions).not.toContain('Default Response');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const text = JSON.stringify(doc.paths);
    for (const name of Object.keys(doc.components.schemas ?? {})) {
      expect(
        text.includes(`#/components/schemas/${name}`) ||
          JSON.stringify(doc.components.schemas).includes(`#/components/schemas/${name}`),
      ).toBe(true);
    }
  });
});

describe('GET /docs', () => {
  const t = useTestApp();

  it('serves Swagger UI and its assets from the package, with no CDN', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    const bundle = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*\.(js|css)/);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });
});
