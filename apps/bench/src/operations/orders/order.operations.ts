import { randomUUID } from 'node:crypto';
import { CursorPageRequest, ProductId, UserId } from '@stratum/domain';
import type { BenchClients } from '../../clients/bench-clients';
import { placeOrderWithDrizzle } from '../../drizzle/drizzle-writes';
import { PAGE_SIZE, type BenchFixtures } from '../../fixtures/bench-fixtures';
import { defineOperation, type BenchOperation } from '../../harness/bench-operation';
import type { Random } from '../../harness/random';
import { rawRows } from '../raw-query';
import { CUSTOMER_ORDERS, PLACE_ORDER } from './orders.raw-sql';
import { placeOrderWithPrisma, type OrderRequest } from './place-order.prisma';

const LINES = 5;
/** ORDER_MAX_PENDING_PER_CUSTOMER's default. */
const API_MAX_PENDING = 20;

/** Placing an order of five products, and reading a customer's newest orders with their items. */
export function orderOperations(clients: BenchClients, fixtures: BenchFixtures): BenchOperation[] {
  const { stratum, prisma, raw, drizzle, drizzleDb } = clients;
  const orderRequest = (random: Random): OrderRequest => {
    const ids = new Set<string>();
    while (ids.size < Math.min(LINES, fixtures.products.length)) ids.add(random.pick(fixtures.products));
    return {
      customerId: random.pick(fixtures.buyers),
      lines: [...ids].sort().map((productId) => ({ productId, quantity: 1 + random.below(2) })),
    };
  };
  // As the API places orders: with the pending cap, which the statement judges.
  const viaRepository = (repositories: typeof stratum) => (request: OrderRequest) =>
    repositories.orders.placeOrder({
      customerId: UserId.of(request.customerId),
      maxPending: API_MAX_PENDING,
      lines: request.lines.map((line) => ({
        productId: ProductId.of(line.productId),
        quantity: line.quantity,
      })),
    });
  const pickCustomer = (random: Random) => random.pick(fixtures.customers);
  const firstPage = CursorPageRequest.first(PAGE_SIZE);
  return [
    defineOperation('order-place-5', `place an order of ${LINES} items`, orderRequest, {
      stratum: viaRepository(stratum),
      raw: async (request) => {
        const [row] = await rawRows<{ ok: boolean; total: string; currency: string }>(raw, PLACE_ORDER, [
          request.customerId,
          request.lines.map((line) => line.productId),
          request.lines.map((line) => line.quantity),
          randomUUID(),
          new Date(),
        ]);
        if (!row?.ok) throw new Error('the order was refused');
        return row;
      },
      drizzle: (request) =>
        placeOrderWithDrizzle(drizzleDb, { ...request, orderId: randomUUID(), now: new Date() }),
      prisma: (request) => placeOrderWithPrisma(prisma, request),
    }),
    defineOperation('customer-orders', `a customer's orders page (${PAGE_SIZE}) with items`, pickCustomer, {
      stratum: (customer) => stratum.orders.findByCustomer(UserId.of(customer), { page: firstPage }),
      raw: (customer) => rawRows(raw, CUSTOMER_ORDERS, [customer, PAGE_SIZE + 1]),
      drizzle: (customer) => drizzle.customerOrders.execute({ customerId: customer, limit: PAGE_SIZE + 1 }),
      prisma: (customer) =>
        prisma.order.findMany({
          where: { customerId: customer, deletedAt: null },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: PAGE_SIZE + 1,
          include: { items: true },
        }),
    }),
  ];
}
