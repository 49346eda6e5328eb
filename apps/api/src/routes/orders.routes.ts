import {
  CursorPageRequest,
  NotFoundError,
  OrderId,
  ProductId,
  UserId,
  type OrderRepository,
} from '@stratum/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../app-dependencies';
import { assertMayActOn } from '../auth/principal';
import { principalOf } from '../auth/require-permission';
import { forbidden } from '../http/api-error';
import { presentOrder } from '../presenters/order.presenter';
import { IdParams } from '../schemas/common.schemas';
import {
  ChangeOrderStatusBody,
  ListOrdersQuery,
  OrderPageResponse,
  OrderResponse,
  PlaceOrderBody,
} from '../schemas/order.schemas';

export function ordersRoutes(ctx: ApiContext): FastifyPluginAsyncZod {
  const { orders } = ctx.repositories;

  async function findOrder(id: string, from: OrderRepository = orders) {
    const order = await from.findById(OrderId.of(id));
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  return async (app) => {
    app.post(
      '/orders',
      {
        config: { access: ['orders:write:own', 'orders:write:any'] },
        schema: {
          tags: ['orders'],
          summary: 'Place an order at current prices, reserving the stock',
          body: PlaceOrderBody,
          response: { 201: OrderResponse },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const customerId = request.body.customerId ?? principal.userId.value;
        assertMayActOn(principal, 'orders:write', customerId);
        const order = await orders.placeOrder({
          customerId: UserId.of(customerId),
          lines: request.body.lines.map((line) => ({
            productId: ProductId.of(line.productId),
            quantity: line.quantity,
          })),
        });
        return reply.code(201).send(presentOrder(order));
      },
    );

    app.get(
      '/orders',
      {
        config: { access: ['orders:read:own', 'orders:read:any'] },
        schema: {
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
        schema: { tags: ['orders'], summary: 'An order', params: IdParams, response: { 200: OrderResponse } },
      },
      async (request) => {
        const order = await findOrder(request.params.id, ctx.readsFor(request).orders);
        assertMayActOn(principalOf(request), 'orders:read', order.customerId.value);
        return presentOrder(order);
      },
    );

    app.patch(
      '/orders/:id/status',
      {
        config: { access: ['orders:write:own', 'orders:write:any'] },
        schema: {
          tags: ['orders'],
          summary: 'Move an order along its life cycle; customers may only cancel their own',
          params: IdParams,
          body: ChangeOrderStatusBody,
          response: { 200: OrderResponse },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const order = await findOrder(request.params.id);
        assertMayActOn(principal, 'orders:write', order.customerId.value);
        // Confirming, shipping and delivering are the shop's moves, never the customer's.
        if (request.body.status !== 'CANCELLED' && !principal.has('orders:write:any')) {
          throw forbidden('Only orders:write:any may move an order other than to CANCELLED');
        }
        return presentOrder(await orders.changeStatus(order.id, request.body.status));
      },
    );
  };
}
