import { CursorPageRequest, OrderId, UserId } from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../app-dependencies';
import { principalOf } from '../auth/require-permission';
import { presentOrder } from '../presenters/order.presenter';
import { IdParams } from '../schemas/common.schemas';
import {
  ChangeOrderStatusBody,
  ListOrdersQuery,
  OrderPageResponse,
  OrderResponse,
  PlaceOrderBody,
} from '../schemas/order.schemas';
import { findReachable } from '../use-cases/shared/find-reachable';
import { assertMayActOn } from '../use-cases/shared/principal';

export function ordersRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { placeOrder, changeOrderStatus } = ctx.useCases;
  return async (app) => {
    app.post(
      '/orders',
      {
        config: { access: ['orders:write:own', 'orders:write:any'] },
        schema: {
          operationId: 'placeOrder',
          tags: ['orders'],
          summary: 'Place an order at current prices, reserving the stock',
          body: PlaceOrderBody,
          response: { 201: OrderResponse },
        },
      },
      async (request, reply) => {
        const order = await placeOrder.execute(principalOf(request), request.body);
        return reply.code(201).send(presentOrder(order));
      },
    );

    app.get(
      '/orders',
      {
        config: { access: ['orders:read:own', 'orders:read:any'] },
        schema: {
          operationId: 'listOrders',
          tags: ['orders'],
          summary: "A customer's orders, newest first, optionally of one status",
          querystring: ListOrdersQuery,
          response: { 200: OrderPageResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { customerId = principal.userId.value, status, limit, cursor } = request.query;
        assertMayActOn(principal, 'orders:read', customerId);
        const page = await ctx.readsFor(request).orders.findByCustomer(UserId.of(customerId), {
          status,
          page: CursorPageRequest.of({ limit, after: cursor }),
        });
        return { items: page.items.map(presentOrder), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/orders/:id',
      {
        config: { access: ['orders:read:own', 'orders:read:any'] },
        schema: {
          operationId: 'getOrder',
          tags: ['orders'],
          summary: 'An order',
          params: IdParams,
          response: { 200: OrderResponse },
        },
      },
      async (request) => {
        const { id } = request.params;
        // Someone else's order is a 404 to a caller who may not read any (no existence oracle).
        const order = await findReachable(
          principalOf(request),
          { entity: 'Order', id, action: 'orders:read' },
          ctx.readsFor(request).orders.findById(OrderId.of(id)),
          (found) => found.customerId.value,
        );
        return presentOrder(order);
      },
    );

    app.patch(
      '/orders/:id/status',
      {
        config: { access: ['orders:write:own', 'orders:write:any'] },
        schema: {
          operationId: 'changeOrderStatus',
          tags: ['orders'],
          summary: 'Move an order along its life cycle; customers may only cancel their own',
          params: IdParams,
          body: ChangeOrderStatusBody,
          response: { 200: OrderResponse },
        },
      },
      async (request) => {
        const order = await changeOrderStatus.execute(principalOf(request), {
          orderId: request.params.id,
          status: request.body.status,
        });
        return presentOrder(order);
      },
    );
  };
}
