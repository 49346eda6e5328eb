import {
  type CursorPage,
  type ExpiredOrders,
  InsufficientStockError,
  normalizeOrderLines,
  NotFoundError,
  Order,
  parseMaxPending,
  PendingOrderLimitError,
  type OrderId,
  type OrderItem,
  type OrderListOptions,
  type OrderRepository,
  type OrderStatus,
  type PlaceOrderInput,
  type Product,
  type ProductId,
  type UserId,
  requireExpiryBatch,
} from '@stratum/domain';
import { InMemoryRepository, byCreatedAtAndId, cursorPage, newestFirst } from './in-memory-repository.base';

export class InMemoryOrderRepository extends InMemoryRepository implements OrderRepository {
  placeOrder(input: PlaceOrderInput): Promise<Order> {
    return this.atomically(() => {
      const lines = normalizeOrderLines(input.lines);
      const maxPending = parseMaxPending(input.maxPending);
      const customer = this.store.users.get(input.customerId.value);
      if (!customer || customer.isDeleted) throw new NotFoundError('User', input.customerId.value);
      if (maxPending !== null && this.pendingOf(input.customerId) >= maxPending) {
        throw new PendingOrderLimitError(maxPending);
      }

      // Work out every change first and write at the end, so a failure leaves the store untouched.
      const reserved: Product[] = [];
      const items: OrderItem[] = [];
      const now = new Date();
      for (const line of lines) {
        const product = this.store.products.get(line.productId.value);
        if (!product || product.isDeleted) throw new NotFoundError('Product', line.productId.value);
        if (product.stock < line.quantity) {
          throw new InsufficientStockError(product.id.value, line.quantity, product.stock);
        }
        reserved.push(product.adjustStock(-line.quantity, now));
        items.push({ productId: product.id, quantity: line.quantity, unitPrice: product.price });
      }
      const order = Order.place({ customerId: input.customerId, items, now });

      for (const product of reserved) this.store.products.set(product.id.value, product);
      this.store.orders.set(order.id.value, order);
      return order;
    });
  }

  findById(id: OrderId): Promise<Order | null> {
    return this.atomically(() => this.live(id.value));
  }

  findByCustomer(customerId: UserId, options: OrderListOptions): Promise<CursorPage<Order>> {
    return this.atomically(() => {
      const orders = [...this.store.orders.values()].filter(
        (order) =>
          order.deletedAt === null &&
          order.customerId.equals(customerId) &&
          (options.status === undefined || order.status === options.status),
      );
      return cursorPage(newestFirst(orders, byCreatedAtAndId), options.page, byCreatedAtAndId);
    });
  }

  countPending(customerId: UserId): Promise<number> {
    return this.atomically(() => this.pendingOf(customerId));
  }

  private pendingOf(customerId: UserId): number {
    return [...this.store.orders.values()].filter(
      (order) =>
        order.deletedAt === null && order.status === 'PENDING' && order.customerId.equals(customerId),
    ).length;
  }

  changeStatus(id: OrderId, to: OrderStatus): Promise<Order> {
    return this.atomically(() => {
      const order = this.live(id.value);
      if (!order) throw new NotFoundError('Order', id.value);
      const now = new Date();
      const changed = order.transitionTo(to, now);
      if (to === 'CANCELLED') {
        // Deleted products get their units back too: the rows still exist and may be restored.
        const released = order.items.map((item) => {
          const product = this.store.products.get(item.productId.value);
          if (!product) throw new NotFoundError('Product', item.productId.value);
          return product.adjustStock(item.quantity, now);
        });
        for (const product of released) this.store.products.set(product.id.value, product);
      }
      this.store.orders.set(changed.id.value, changed);
      return changed;
    });
  }

  expirePendingPlacedBefore(cutoff: Date, limit: number): Promise<ExpiredOrders> {
    return this.atomically(() => {
      requireExpiryBatch(cutoff, limit);
      const now = new Date();
      const due = [...this.store.orders.values()]
        .filter(
          (order) =>
            order.deletedAt === null &&
            order.status === 'PENDING' &&
            order.createdAt.getTime() < cutoff.getTime(),
        )
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .slice(0, limit);
      const returned = new Map<string, { productId: ProductId; quantity: number }>();
      for (const order of due) {
        for (const item of order.items) {
          const seen = returned.get(item.productId.value);
          returned.set(item.productId.value, {
            productId: item.productId,
            quantity: (seen?.quantity ?? 0) + item.quantity,
          });
        }
      }
      const released = [...returned.values()].map(({ productId, quantity }) => {
        const product = this.store.products.get(productId.value);
        if (!product) throw new NotFoundError('Product', productId.value);
        return product.adjustStock(quantity, now);
      });
      for (const product of released) this.store.products.set(product.id.value, product);
      for (const order of due) this.store.orders.set(order.id.value, order.expire(now));
      const productIds = [...returned.values()]
        .map(({ productId }) => productId)
        .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      return { count: due.length, productIds };
    });
  }

  softDelete(id: OrderId): Promise<void> {
    return this.atomically(() => {
      const order = this.live(id.value);
      if (!order) throw new NotFoundError('Order', id.value);
      const now = new Date();
      this.store.orders.set(
        id.value,
        Order.reconstitute({ ...order.toProps(), updatedAt: now, deletedAt: now }),
      );
    });
  }

  private live(id: string): Order | null {
    const order = this.store.orders.get(id);
    return order && order.deletedAt === null ? order : null;
  }
}
