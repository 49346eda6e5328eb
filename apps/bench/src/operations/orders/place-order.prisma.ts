import { Prisma, type PrismaClient } from '@stratum/prisma';

export interface OrderRequest {
  customerId: string;
  /** Sorted by product id, so that every implementation locks in the same order. */
  lines: Array<{ productId: string; quantity: number }>;
}

/**
 * The brief's createOrderWithItems in Prisma, as a typical app writes it: an interactive
 * transaction, prices read first for the total, then per line an item insert, a guarded stock
 * decrement and a read-back of the stock. 3 + 3 per line statements, each a round trip.
 */
export function placeOrderWithPrisma(prisma: PrismaClient, request: OrderRequest) {
  return prisma.$transaction(async (tx) => {
    const ids = request.lines.map((line) => line.productId);
    const products = await tx.product.findMany({ where: { id: { in: ids }, deletedAt: null } });
    const priceOf = new Map(products.map((product) => [product.id, product.price]));
    let total = new Prisma.Decimal(0);
    for (const line of request.lines) {
      const price = priceOf.get(line.productId);
      if (!price) throw new Error(`product ${line.productId} not found`);
      total = total.add(price.mul(line.quantity));
    }
    const order = await tx.order.create({ data: { customerId: request.customerId, total, currency: 'USD' } });
    for (const line of request.lines) {
      await tx.orderItem.create({
        data: {
          orderId: order.id,
          productId: line.productId,
          quantity: line.quantity,
          unitPrice: priceOf.get(line.productId)!,
        },
      });
      const { count } = await tx.product.updateMany({
        where: { id: line.productId, stock: { gte: line.quantity } },
        data: { stock: { decrement: line.quantity } },
      });
      if (count === 0) throw new Error(`not enough stock of ${line.productId}`);
      await tx.product.findUnique({ where: { id: line.productId }, select: { stock: true } });
    }
    return order;
  });
}
