import {
  InsufficientStockError,
  Money,
  NotFoundError,
  Order,
  PendingOrderLimitError,
  ProductId,
  type OrderItem,
} from '@stratum/domain';
import type { PlaceOrderParams } from './place-order.sql';

/** One line as the statement judged it, against the locked product row (null columns: not found). */
export interface JudgedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly found: boolean;
  readonly stock: number | null;
  readonly unitPrice: string | null;
  readonly currency: string | null;
}

export interface PlaceOrderRow {
  /** True exactly when the order was written and the stock taken. */
  readonly ok: boolean;
  readonly customerFound: boolean;
  /** False when the customer already held the most pending orders (as the snapshot counted them). */
  readonly underCap: boolean;
  /** 0 with `ok` when an order of the same customer took the same place first: run it again. */
  readonly placed: number;
  readonly reserved: number;
  readonly itemsWritten: number;
  /** Sorted by product id, like the normalized lines. */
  readonly lines: readonly JudgedLine[];
}

/**
 * The placed order, or the domain error that explains a refusal. An accepted order is built as
 * one read back would be (Order.fromStored): the statement has already judged on the locked rows
 * everything the entity would check again (every product found and in stock, one currency, the
 * total within NUMERIC(14,2)), and the lines are the normalized ones, one a product in id order.
 * A refusal is explained in the port's order: the customer, then the pending cap, then line by
 * line (missing before short), then what the Order entity refuses (mixed currencies, a total too
 * large).
 */
export function placedOrderFrom(row: PlaceOrderRow, params: PlaceOrderParams): Order {
  if (!row.customerFound) throw new NotFoundError('User', params.customerId.value);
  if (!row.underCap && params.maxPending !== null) throw new PendingOrderLimitError(params.maxPending);
  const accepted =
    row.ok && row.placed === 1 && row.itemsWritten === row.lines.length && row.reserved === row.lines.length;
  if (accepted) return acceptedOrder(row.lines, params);
  const items = row.lines.map(toItem);
  Order.reconstitute({
    id: params.orderId,
    customerId: params.customerId,
    status: 'PENDING',
    items,
    createdAt: params.now,
    updatedAt: params.now,
    deletedAt: null,
  });
  // Unreachable while this file and the statement agree on the rules; loud if they drift.
  throw new Error(`placeOrder: the statement refused order ${params.orderId.value} for no known reason`);
}

function acceptedOrder(lines: readonly JudgedLine[], params: PlaceOrderParams): Order {
  const items = lines.map((line) => {
    if (line.unitPrice === null || line.currency === null) {
      throw new Error(`placeOrder: accepted line ${line.productId} came back without its price`);
    }
    return { productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice };
  });
  return Order.fromStored({
    id: params.orderId.value,
    customerId: params.customerId.value,
    status: 'PENDING',
    currency: lines[0]?.currency ?? '',
    items,
    createdAt: params.now,
    updatedAt: new Date(params.now.getTime()),
    deletedAt: null,
  });
}

function toItem(line: JudgedLine): OrderItem {
  if (!line.found || line.stock === null || line.unitPrice === null || line.currency === null) {
    throw new NotFoundError('Product', line.productId);
  }
  if (line.stock < line.quantity) {
    throw new InsufficientStockError(line.productId, line.quantity, line.stock);
  }
  return {
    productId: ProductId.of(line.productId),
    quantity: line.quantity,
    unitPrice: Money.fromStored(line.unitPrice, line.currency),
  };
}

/** The statement found all well but another order of the customer took its place first. */
export function lostPlaceRace(row: PlaceOrderRow): boolean {
  return row.ok && row.placed === 0;
}
