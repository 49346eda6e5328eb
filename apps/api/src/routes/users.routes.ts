import { CursorPageRequest, PageRequest, UserId, type UserRepository } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../app-dependencies';
import { principalOf } from '../auth/require-permission';
import { presentUser } from '../presenters/user.presenter';
import { CursorQuery, IdParams, cursorPageOf } from '../schemas/common.schemas';
import {
  ChangePasswordBody,
  MeResponse,
  RegisterUserBody,
  UpdateUserBody,
  UserResponse,
  UserSearchQuery,
} from '../schemas/user.schemas';
import { findExisting } from '../use-cases/shared/find-existing';
import { assertMayActOnUser } from '../use-cases/shared/principal';

export function usersRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { repositories } = ctx;
  const { registerUser, changeProfile, changePassword, deleteUser } = ctx.useCases;
  const findUser = (id: string, from: UserRepository) =>
    findExisting('User', id, from.findById(UserId.of(id)));
  return async (app) => {
    app.post(
      '/users',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'registerUser',
          tags: ['users'],
          summary: "Sign up: creates an active user with the 'user' role",
          body: RegisterUserBody,
          response: { 201: UserResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(presentUser(await registerUser.execute({ ...request.body, ip: request.ip }))),
    );

    app.get(
      '/users/me',
      {
        config: { access: ['profile:read'] },
        schema: {
          operationId: 'getCurrentUser',
          tags: ['users'],
          summary: 'The caller, with roles and permissions',
          response: { 200: MeResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const user = await findUser(principal.userId.value, repositories.users);
        const roles = await repositories.roles.rolesOf(user.id);
        return {
          ...presentUser(user),
          roles: roles.map((role) => role.name),
          permissions: [...principal.permissions].sort(),
        };
      },
    );

    app.put(
      '/users/me/password',
      {
        config: { access: ['profile:write'] },
        schema: {
          operationId: 'changeOwnPassword',
          tags: ['users'],
          summary: "Change one's own password; every other session ends",
          description:
            'Needs the current password: a bearer token alone cannot change it. A wrong one counts as a ' +
            'failed login of the user from the client address (429 with Retry-After past the login limits).',
          body: ChangePasswordBody,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await changePassword.execute(principalOf(request), { ...request.body, ip: request.ip });
        return reply.code(204).send();
      },
    );

    app.get(
      '/users',
      {
        config: { access: ['users:read'] },
        schema: {
          operationId: 'listUsers',
          tags: ['users'],
          summary: 'Active users, newest first, by cursor',
          querystring: CursorQuery,
          response: { 200: cursorPageOf(UserResponse) },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const page = await ctx
          .readsFor(request)
          .users.findActiveAfter(CursorPageRequest.of({ limit, after: cursor }));
        return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/users/search',
      {
        config: { access: ['users:read'] },
        schema: {
          operationId: 'searchUsers',
          tags: ['users'],
          summary: 'Users of any status matching every given criterion',
          querystring: UserSearchQuery,
          response: { 200: z.object({ items: z.array(UserResponse) }) },
        },
      },
      async (request) => {
        const { email, name, status, role, limit, offset } = request.query;
        const users = await ctx
          .readsFor(request)
          .users.search(
            { emailContains: email, nameContains: name, status, role },
            PageRequest.of({ limit, offset }),
          );
        return { items: users.map(presentUser) };
      },
    );

    app.get(
      '/users/:id',
      {
        config: { access: ['profile:read', 'users:read'] },
        schema: {
          operationId: 'getUser',
          tags: ['users'],
          summary: 'A user (profile:read for oneself, users:read for anyone)',
          params: IdParams,
          response: { 200: UserResponse },
        },
      },
      async (request) => {
        assertMayActOnUser(principalOf(request), 'read', request.params.id);
        return presentUser(await findUser(request.params.id, ctx.readsFor(request).users));
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { access: ['profile:write', 'users:write'] },
        schema: {
          operationId: 'updateUser',
          tags: ['users'],
          summary: 'Change a user (profile:write for oneself, users:write for anyone and for status)',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserResponse },
        },
      },
      async (request) => {
        const changes = { ...request.body, userId: request.params.id, ip: request.ip };
        return presentUser(await changeProfile.execute(principalOf(request), changes));
      },
    );

    app.delete(
      '/users/:id',
      {
        config: { access: ['users:delete'] },
        schema: {
          operationId: 'deleteUser',
          tags: ['users'],
          summary: 'Soft-delete a user and end their sessions',
          params: IdParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await deleteUser.execute(principalOf(request), { userId: request.params.id });
        return reply.code(204).send();
      },
    );
  };
}
