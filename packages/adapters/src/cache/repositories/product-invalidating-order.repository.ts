import type {
  CursorPage,
  ExpiredOrders,
  Order,
  OrderId,
  OrderListOptions,
  OrderRepository,
  OrderStatus,
  PlaceOrderInput,
  UserId,
} from '@stratum/domain';
import { productsChanged } from './cached-product.repository';
import type { RepositoryCache } from '../read-through/repository-cache';
import { writeThenInvalidate } from './write-then-invalidate';

/**
 * Orders are not cached, but they move product stock behind the product repository's back:
 * placing an order reserves it, and cancelling or expiring it returns it. This decorator invalidates those
 * products (and the search pages, where stock decides what is listed).
 */
export class ProductInvalidatingOrderRepository implements OrderRepository {
  constructor(
    private readonly inner: OrderRepository,
    private readonly cache: RepositoryCache,
  ) {}

  placeOrder(input: PlaceOrderInput): Promise<Order> {
    return writeThenInvalidate(
      this.cache,
      () =>
        productsChanged(
          this.cache,
          input.lines.map((line) => line.productId),
        ),
      () => this.inner.placeOrder(input),
    );
  }

  async changeStatus(id: OrderId, to: OrderStatus): Promise<Order> {
    if (to !== 'CANCELLED') return this.inner.changeStatus(id, to);
    // The items are known only from the result; if the outcome is unknown, the search pages are
    // still renewed and the products' own entries are left to their TTL.
    let order: Order | undefined;
    return writeThenInvalidate(
      this.cache,
      () => productsChanged(this.cache, order?.items.map((item) => item.productId) ?? []),
      async () => {
        order = await this.inner.changeStatus(id, to);
        return order;
      },
    );
  }

  /**
   * Like cancelling: the products are known from the result, or, if the outcome is unknown, left
   * to their TTL. A sweep that expired nothing changed nothing: the search pages stay cached.
   */
  expirePendingPlacedBefore(cutoff: Date, limit: number): Promise<ExpiredOrders> {
    let expired: ExpiredOrders | undefined;
    return writeThenInvalidate(
      this.cache,
      () =>
        expired?.count === 0
          ? { keys: [], namespaces: [] }
          : productsChanged(this.cache, expired?.productIds ?? []),
      async () => {
        expired = await this.inner.expirePendingPlacedBefore(cutoff, limit);
        return expired;
      },
    );
  }

  findById(id: OrderId): Promise<Order | null> {
    return this.inner.findById(id);
  }

  findByCustomer(customerId: UserId, options: OrderListOptions): Promise<CursorPage<Order>> {
    return this.inner.findByCustomer(customerId, options);
  }

  countPending(customerId: UserId): Promise<number> {
    return this.inner.countPending(customerId);
  }

  softDelete(id: OrderId): Promise<void> {
    return this.inner.softDelete(id);
  }
}
