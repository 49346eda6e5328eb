import type { ProductId } from '../products/product-id';
import type { CursorPage, CursorPageRequest } from '../shared/pagination';
import type { UserId } from '../users/user-id';
import type { Order } from './order';
import type { OrderId } from './order-id';
import type { PlaceOrderInput } from './order-line';
import type { OrderStatus } from './order-status';

/** What one expiry batch did. */
export interface ExpiredOrders {
  /** How many orders moved from PENDING to EXPIRED. */
  readonly count: number;
  /** The products whose stock went back up, each once, by id. */
  readonly productIds: readonly ProductId[];
}

export interface OrderListOptions {
  readonly status?: OrderStatus;
  readonly page: CursorPageRequest;
}

/** Orders, soft-deleted ones excepted. Every order returned carries all its items. */
export interface OrderRepository {
  /**
   * In one transaction: reads the products' current prices, reserves the stock (never below
   * zero), and writes the order and its items as PENDING. On any failure nothing is written.
   * Duplicate lines are merged (see normalizeOrderLines).
   * @throws ValidationError for empty lines or a bad quantity.
   * @throws NotFoundError('User', id) for an unknown or deleted customer.
   * @throws PendingOrderLimitError when the customer already holds `maxPending` PENDING orders.
   * @throws NotFoundError('Product', id) for an unknown or deleted product.
   * @throws InsufficientStockError naming the first product (by id order) that is short.
   * @throws CurrencyMismatchError when the products are priced in different currencies.
   */
  placeOrder(input: PlaceOrderInput): Promise<Order>;
  findById(id: OrderId): Promise<Order | null>;
  /** How many live orders of the customer are PENDING (each holds stock reserved). */
  countPending(customerId: UserId): Promise<number>;
  /** The customer's orders, newest first (createdAt desc, id desc), optionally of one status. */
  findByCustomer(customerId: UserId, options: OrderListOptions): Promise<CursorPage<Order>>;
  /**
   * Moves the order along its life cycle. Cancelling puts every item's quantity back in stock,
   * in the same transaction (even for products deleted since).
   * @throws NotFoundError('Order', id) for an unknown or deleted order.
   * @throws InvalidStateTransitionError when the move is not allowed from the current status.
   */
  changeStatus(id: OrderId, to: OrderStatus): Promise<Order>;
  /**
   * One batch of the reservation sweep: up to `limit` live PENDING orders placed before `cutoff`,
   * oldest first, become EXPIRED and every item's quantity goes back in stock (deleted products
   * included, as on cancelling), all at once. An order being cancelled or confirmed at the same
   * moment is left to that move: it is skipped, never expired after it, and its stock goes back
   * once. Safe to repeat: an expired order is no longer PENDING.
   * @throws ValidationError when `limit` is not a positive whole number.
   */
  expirePendingPlacedBefore(cutoff: Date, limit: number): Promise<ExpiredOrders>;
  /**
   * Hides the order; it does not release stock (cancel first for that).
   * @throws NotFoundError when the order does not exist or is already deleted.
   */
  softDelete(id: OrderId): Promise<void>;
}
