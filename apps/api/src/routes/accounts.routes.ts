import { AccountId, CursorPageRequest, Money, NotFoundError, type AccountRepository } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../app-dependencies';
import { assertMayActOn } from '../auth/principal';
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

export function accountsRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { accounts } = ctx.repositories;

  async function findAccount(id: string, from: AccountRepository = accounts) {
    const account = await from.findById(AccountId.of(id));
    if (!account) throw new NotFoundError('Account', id);
    return account;
  }

  return async (app) => {
    app.post(
      '/accounts',
      {
        config: { access: ['accounts:write:own'] },
        schema: {
          tags: ['accounts'],
          summary: 'Open an empty account for the caller; money only arrives by transfer',
          body: OpenAccountBody,
          response: { 201: AccountResponse },
        },
      },
      async (request, reply) => {
        const account = await accounts.open({
          ownerId: principalOf(request).userId,
          currency: request.body.currency,
        });
        return reply.code(201).send(presentAccount(account));
      },
    );

    app.get(
      '/accounts/:id',
      {
        config: { access: ['accounts:read:own', 'accounts:read:any'] },
        schema: {
          tags: ['accounts'],
          summary: 'An account with its balance',
          params: IdParams,
          response: { 200: AccountResponse },
        },
      },
      async (request) => {
        const account = await findAccount(request.params.id, ctx.readsFor(request).accounts);
        assertMayActOn(principalOf(request), 'accounts:read', account.ownerId.value);
        return presentAccount(account);
      },
    );

    app.post(
      '/accounts/:id/transfers',
      {
        config: { access: ['accounts:write:own'] },
        schema: {
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
        const principal = principalOf(request);
        const from = await findAccount(request.params.id);
        assertMayActOn(principal, 'accounts:write', from.ownerId.value);
        const { toAccountId, amount, currency } = request.body;
        const transfer = await accounts.transfer({
          from: from.id,
          to: AccountId.of(toAccountId),
          amount: Money.of(amount, currency),
          // Scoped to the caller: two clients picking the same key never see each other's transfer.
          idempotencyKey: `${principal.userId.value}:${request.headers['idempotency-key']}`,
        });
        return reply.code(201).send(presentTransfer(transfer));
      },
    );

    app.get(
      '/accounts/:id/transfers',
      {
        config: { access: ['accounts:read:own', 'accounts:read:any'] },
        schema: {
          tags: ['accounts'],
          summary: 'Transfers into and out of the account, newest first, by cursor',
          params: IdParams,
          querystring: CursorQuery,
          response: { 200: TransferPageResponse },
        },
      },
      async (request) => {
        const reads = ctx.readsFor(request).accounts;
        const account = await findAccount(request.params.id, reads);
        assertMayActOn(principalOf(request), 'accounts:read', account.ownerId.value);
        const { limit, cursor } = request.query;
        const page = await reads.history(account.id, CursorPageRequest.of({ limit, after: cursor }));
        return { items: page.items.map(presentTransfer), nextCursor: page.nextCursor };
      },
    );
  };
}
