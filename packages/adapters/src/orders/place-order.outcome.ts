import {
  InsufficientStockError,
  Money,
  NotFoundError,
  Order,
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
  readonly reserved: number;
  readonly itemsWritten: number;
  /** Sorted by product id, like the normalized lines. */
  readonly lines: readonly JudgedLine[];
}

/**
 * The placed order, or the domain error that explains a refusal, checked in the port's order:
 * the customer, then line by line (missing before short), then what the Order entity refuses
 * (mixed currencies, a total too large), which are the statement's remaining conditions.
 */
export function placedOrderFrom(row: PlaceOrderRow, params: PlaceOrderParams): Order {
  if (!row.customerFound) throw new NotFoundError('User', params.customerId.value);
  // The statement judged the normalized lines in their order (by product id), so each line's
  // ProductId is the one already checked, not parsed again from the row.
  const items = row.lines.map((line, i) => toItem(line, params.lines[i]?.productId));
  const order = Order.reconstitute({
    id: params.orderId,
    customerId: params.customerId,
    status: 'PENDING',
    items,
    createdAt: params.now,
    updatedAt: params.now,
    deletedAt: null,
  });
  if (!row.ok || row.itemsWritten !== items.length || row.reserved !== items.length) {
    // Unreachable while this file and the statement agree on the rules; loud if they drift.
    throw new Error(`placeOrder: the statement refused order ${params.orderId.value} for no known reason`);
  }
  return order;
}

function toItem(line: JudgedLine, productId: ProductId | undefined): OrderItem {
  if (!line.found || line.stock === null || line.unitPrice === null || line.currency === null) {
    throw new NotFoundError('Product', line.productId);
  }
  if (line.stock < line.quantity) {
    throw new InsufficientStockError(line.productId, line.quantity, line.stock);
  }
  return {
    productId: productId?.value === line.productId ? productId : ProductId.of(line.productId),
    quantity: line.quantity,
    // NUMERIC(12,2) text from the locked product row.
    unitPrice: Money.fromStored(line.unitPrice, line.currency),
  };
}
