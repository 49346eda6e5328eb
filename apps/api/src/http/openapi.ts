import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';

/** The documentation page (Swagger UI, served from its package: no CDN), the document at /docs/json. */
export const DOCS_PREFIX = '/docs';

type Document = OpenAPIV3_1.Document;

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests. Registered
 * on the root instance, before the routes, so its onRoute hook sees every one of them.
 */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stratum API',
        version: '1.0.0',
        description:
          'Users, products, orders and accounts over Stratum repositories. Errors share one shape ' +
          '(code, message, requestId, fields); clients switch on code.',
      },
      // Relative: the host that serves this document, wherever the API is deployed.
      servers: [{ url: '/', description: 'The host serving this document' }],
      tags: [
        { name: 'auth', description: 'Log in and out: opaque bearer tokens' },
        { name: 'users', description: 'Sign-up, profiles, and user administration' },
        { name: 'roles', description: 'Roles granted to users' },
        { name: 'products', description: 'The catalogue, its full-text search and stock' },
        { name: 'orders', description: 'Orders and their status' },
        { name: 'accounts', description: 'Accounts and idempotent transfers between them' },
        { name: 'operations', description: 'Health and metrics for orchestrators and monitoring' },
      ],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'POST /auth/login' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => finished(jsonSchemaTransformObject(input) as Document),
  });
  void app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
}

// What the generated document lacks for client generators: a description on every response, and
// no component schema that nothing references.
function finished(document: Document): Document {
  for (const path of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(path ?? {})) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = (operation as OpenAPIV3_1.OperationObject).responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if ('description' in response && response.description === 'Default Response') {
          response.description = RESPONSE_DESCRIPTIONS[status] ?? `HTTP ${status}`;
        }
      }
    }
  }
  return withoutUnusedSchemas(document);
}

const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'Done; no content',
  '4XX':
    'Refused: invalid input, no or insufficient access, not found, a conflict with the current state, or too many attempts. The error shape; `code` says which.',
  '5XX':
    'Failed, or unavailable for now (503 with Retry-After). The error shape, with the request id to quote.',
};

function withoutUnusedSchemas(document: Document): Document {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const referenced = (value: unknown): string[] =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
  // Everything the paths reference, and everything those reference in turn.
  const used = new Set<string>();
  const queue = referenced(document.paths);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...referenced(schemas[name]));
  }
  document.components!.schemas = Object.fromEntries(
    Object.entries(schemas).filter(([name]) => used.has(name)),
  );
  return document;
}
