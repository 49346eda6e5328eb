import { ForbiddenError, UserId } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../app-dependencies';
import { principalOf } from '../auth/require-permission';
import { presentRole } from '../presenters/user.presenter';
import { IdParams } from '../schemas/common.schemas';
import { RoleParams, RolesResponse } from '../schemas/user.schemas';
import { findExisting } from '../use-cases/shared/find-existing';

/** Roles change what a user may do from their very next request: permissions are read per request. */
export function userRolesRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { users, roles } = ctx.repositories;
  const { grantRole, revokeRole } = ctx.useCases;
  return async (app) => {
    app.get(
      '/users/:id/roles',
      {
        config: { access: ['roles:read', 'profile:read'] },
        schema: {
          operationId: 'listUserRoles',
          tags: ['roles'],
          summary: "A user's roles (profile:read for oneself, roles:read for anyone)",
          params: IdParams,
          response: { 200: RolesResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        if (!principal.isSelf(request.params.id) && !principal.has('roles:read')) {
          throw new ForbiddenError("roles:read is needed for other users' roles");
        }
        const { id } = request.params;
        const user = await findExisting('User', id, users.findById(UserId.of(id)));
        return { roles: (await roles.rolesOf(user.id)).map(presentRole) };
      },
    );

    app.put(
      '/users/:id/roles/:role',
      {
        config: { access: ['roles:write'] },
        schema: {
          operationId: 'grantRole',
          tags: ['roles'],
          summary: 'Give a user a role (idempotent)',
          params: RoleParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const { id, role } = request.params;
        await grantRole.execute(principalOf(request), { userId: id, role });
        return reply.code(204).send();
      },
    );

    app.delete(
      '/users/:id/roles/:role',
      {
        config: { access: ['roles:write'] },
        schema: {
          operationId: 'revokeRole',
          tags: ['roles'],
          summary: 'Take a role from a user (idempotent)',
          params: RoleParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const { id, role } = request.params;
        await revokeRole.execute(principalOf(request), { userId: id, role });
        return reply.code(204).send();
      },
    );
  };
}
