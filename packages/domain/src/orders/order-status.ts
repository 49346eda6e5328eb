import { InvalidStateTransitionError, ValidationError } from '../shared/common.errors';

export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'EXPIRED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The moves anyone may ask for. DELIVERED, CANCELLED and EXPIRED are final; an order cannot be
 * cancelled once shipped. PENDING -> EXPIRED is not here: only the reservation sweep makes it
 * (OrderRepository.expirePendingPlacedBefore, which gives the stock back), never a request.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  PENDING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
  EXPIRED: [],
});

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function parseOrderStatus(value: unknown, field = 'status'): OrderStatus {
  if (!isOrderStatus(value)) throw new ValidationError(field, `must be one of ${ORDER_STATUSES.join(', ')}`);
  return value;
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** @throws InvalidStateTransitionError for any move not listed in ORDER_TRANSITIONS (including to itself). */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new InvalidStateTransitionError(from, to, 'Order');
}
