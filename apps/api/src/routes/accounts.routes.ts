import { AccountId, CursorPageRequest, type AccountRepository } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../app-dependencies';
import { principalOf } from '../auth/require-permission';
import { presentAccount, presentTransfer } from '../presenters/account.presenter';
import { CursorQuery, IdParams } from '../schemas/common.schemas';
import {
  AccountResponse,
  OpenAccountBody,
  TransferBody,
  TransferHeaders,
  TransferPageResponse,
  TransferResponse,
} from '../schemas/account.schemas';
import { findReachable } from '../use-cases/shared/find-reachable';
import type { Principal } from '../use-cases/shared/principal';

export function accountsRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { openAccount, transferFunds } = ctx.useCases;
  // Someone else's account is a 404 to a caller who may not read any (no existence oracle).
  const findReadableAccount = (principal: Principal, id: string, from: AccountRepository) =>
    findReachable(
      principal,
      { entity: 'Account', id, action: 'accounts:read' },
      from.findById(AccountId.of(id)),
      (account) => account.ownerId.value,
    );

  return async (app) => {
    app.post(
      '/accounts',
      {
        config: { access: ['accounts:write:own'] },
        schema: {
          operationId: 'openAccount',
          tags: ['accounts'],
          summary: 'Open an empty account for the caller; money only arrives by transfer',
          body: OpenAccountBody,
          response: { 201: AccountResponse },
        },
      },
      async (request, reply) => {
        const account = await openAccount.execute(principalOf(request), request.body);
        return reply.code(201).send(presentAccount(account));
      },
    );

    app.get(
      '/accounts/:id',
      {
        config: { access: ['accounts:read:own', 'accounts:read:any'] },
        schema: {
          operationId: 'getAccount',
          tags: ['accounts'],
          summary: 'An account with its balance',
          params: IdParams,
          response: { 200: AccountResponse },
        },
      },
      async (request) => {
        const account = await findReadableAccount(
          principalOf(request),
          request.params.id,
          ctx.readsFor(request).accounts,
        );
        return presentAccount(account);
      },
    );

    app.post(
      '/accounts/:id/transfers',
      {
        config: { access: ['accounts:write:own'] },
        schema: {
          operationId: 'transferFunds',
          tags: ['accounts'],
          summary: 'Move money from this account, exactly once per Idempotency-Key',
          description:
            'Retrying with the same key and body returns the first transfer and moves nothing; ' +
            'the same key with another body is refused (422). Keys are per caller.',
          params: IdParams,
          headers: TransferHeaders,
          body: TransferBody,
          response: { 201: TransferResponse },
        },
      },
      async (request, reply) => {
        const transfer = await transferFunds.execute(principalOf(request), {
          ...request.body,
          fromAccountId: request.params.id,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return reply.code(201).send(presentTransfer(transfer));
      },
    );

    app.get(
      '/accounts/:id/transfers',
      {
        config: { access: ['accounts:read:own', 'accounts:read:any'] },
        schema: {
          operationId: 'listTransfers',
          tags: ['accounts'],
          summary: 'Transfers into and out of the account, newest first, by cursor',
          params: IdParams,
          querystring: CursorQuery,
          response: { 200: TransferPageResponse },
        },
      },
      async (request) => {
        const reads = ctx.readsFor(request).accounts;
        const account = await findReadableAccount(principalOf(request), request.params.id, reads);
        const { limit, cursor } = request.query;
        const page = await reads.history(account.id, CursorPageRequest.of({ limit, after: cursor }));
        return { items: page.items.map(presentTransfer), nextCursor: page.nextCursor };
      },
    );
  };
}
