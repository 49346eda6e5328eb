import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'POST /auth/login' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

export const openApiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/docs/json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
};
