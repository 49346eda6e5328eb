import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../app-dependencies';
import { principalOf } from '../auth/require-permission';
import { presentUser } from '../presenters/user.presenter';
import { LoginBody, LoginResponse } from '../schemas/auth.schemas';

export function authRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'logIn',
          tags: ['auth'],
          summary: 'Log in with email and password; returns a bearer token',
          description: 'Failed attempts are limited per email and per client address (429 with Retry-After).',
          body: LoginBody,
          response: { 200: LoginResponse },
        },
      },
      async (request) => {
        const { token, session, user } = await ctx.useCases.logIn.execute({
          ...request.body,
          ip: request.ip,
        });
        return {
          token,
          tokenType: 'Bearer' as const,
          expiresAt: session.expiresAt.toISOString(),
          user: presentUser(user),
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'logOut',
          tags: ['auth'],
          summary: 'Revoke the session of this token',
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await ctx.useCases.logOut.execute(principalOf(request));
        return reply.code(204).send();
      },
    );
  };
}
