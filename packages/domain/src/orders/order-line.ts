import { ValidationError } from '../shared/common.errors';
import { MAX_QUANTITY, parseQuantity } from '../shared/quantity';
import type { ProductId } from '../products/product-id';
import type { UserId } from '../users/user-id';

export const MAX_ORDER_LINES = 100;

export interface OrderLine {
  readonly productId: ProductId;
  readonly quantity: number;
}

export interface PlaceOrderInput {
  readonly customerId: UserId;
  readonly lines: readonly OrderLine[];
  /**
   * The most live PENDING orders the customer may hold once this one is placed; none when left
   * out. Judged in the same step that places the order, so orders racing each other cannot pass it.
   */
  readonly maxPending?: number;
}

/**
 * Validates the lines of an order request and merges lines for the same product. The result is
 * sorted by product id: adapters should lock product rows in this order, so two orders over the
 * same products can never deadlock each other.
 */
export function normalizeOrderLines(lines: readonly OrderLine[]): OrderLine[] {
  if (!Array.isArray(lines) || lines.length === 0) {
    throw new ValidationError('lines', 'an order needs at least one line');
  }
  const merged = new Map<string, OrderLine>();
  for (const line of lines) {
    const quantity = parseQuantity(line.quantity);
    const existing = merged.get(line.productId.value);
    const total = (existing?.quantity ?? 0) + quantity;
    if (total > MAX_QUANTITY) {
      throw new ValidationError('quantity', `at most ${MAX_QUANTITY} units of one product per order`);
    }
    merged.set(line.productId.value, { productId: line.productId, quantity: total });
  }
  if (merged.size > MAX_ORDER_LINES) {
    throw new ValidationError('lines', `an order has at most ${MAX_ORDER_LINES} distinct products`);
  }
  return [...merged.values()].sort((a, b) => (a.productId.value < b.productId.value ? -1 : 1));
}

/** The cap of PlaceOrderInput.maxPending, or null for none. @throws ValidationError unless a whole number from 1. */
export function parseMaxPending(value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError('maxPending', 'must be a whole number of at least 1');
  }
  return value;
}
