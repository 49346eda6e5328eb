import { InvalidStateTransitionError, ValidationError } from '../shared/common.errors';
import { Money, maxMinorForPrecision } from '../shared/money';
import { CurrencyMismatchError } from '../shared/money.errors';
import { requireDate } from '../shared/text';
import { ProductId } from '../products/product-id';
import { UserId } from '../users/user-id';
import { lineTotal, type OrderItem } from './order-item';
import { normalizeOrderLines } from './order-line';
import { OrderId } from './order-id';
import { assertTransition, parseOrderStatus, type OrderStatus } from './order-status';

/** Order totals live in NUMERIC(14,2). */
const MAX_TOTAL_MINOR = maxMinorForPrecision(14);

export interface OrderProps {
  readonly id: OrderId;
  readonly customerId: UserId;
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

/** The fields of a constructed order, each already checked. */
interface OrderFields extends OrderProps {
  readonly total: Money;
}

/** An orders row with its items folded in, as our statements read it (the model's field names). */
export interface StoredOrder {
  readonly id: string;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
  /** One per product, sorted by product id; prices as NUMERIC text. Null for an order without items. */
  readonly items: ReadonlyArray<{
    readonly productId: string;
    readonly quantity: number;
    readonly unitPrice: string;
  }> | null;
}

export interface PlaceOrderProps {
  readonly customerId: UserId;
  readonly items: readonly OrderItem[];
  readonly now?: Date;
}

/**
 * Immutable. Lines for the same product are merged (they must share a unit price), items are
 * kept sorted by product id so every implementation returns them in the same order, and the
 * total is always computed, never stored on the entity as an independent fact.
 */
export class Order {
  readonly id: OrderId;
  readonly customerId: UserId;
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  readonly total: Money;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;

  /** Takes fields already checked: by `validated` for input, or by the schema for a stored row. */
  private constructor(fields: OrderFields) {
    this.id = fields.id;
    this.customerId = fields.customerId;
    this.status = fields.status;
    this.items = fields.items;
    this.total = fields.total;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    this.deletedAt = fields.deletedAt;
    Object.freeze(this);
  }

  private static validated(props: OrderProps): Order {
    const items = mergeItems(props.items);
    return new Order({
      id: props.id,
      customerId: props.customerId,
      status: parseOrderStatus(props.status),
      items,
      total: totalOf(items),
      createdAt: requireDate(props.createdAt, 'createdAt'),
      updatedAt: requireDate(props.updatedAt, 'updatedAt'),
      deletedAt: props.deletedAt === null ? null : requireDate(props.deletedAt, 'deletedAt'),
    });
  }

  static place(props: PlaceOrderProps): Order {
    const now = props.now ?? new Date();
    return Order.validated({
      id: OrderId.random(),
      customerId: props.customerId,
      status: 'PENDING',
      items: props.items,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
  }

  /** Rebuilds an order from props of unknown origin (a fake's store, a statement's verdict): validates it all. */
  static reconstitute(props: OrderProps): Order {
    return Order.validated(props);
  }

  /**
   * Rebuilds an order from a row our own database returned, without re-running what its writer
   * (placeOrder, from validated lines) and the schema (uuid, the order_status enum, quantity > 0,
   * unit_price >= 0) already hold: the items arrive one per product, sorted by product id.
   * The total is still computed from them, exactly, as for any order; an order without items
   * is still refused as corrupt.
   */
  static fromStored(row: StoredOrder): Order {
    const stored = row.items;
    if (stored === null || stored.length === 0) {
      throw new ValidationError('items', 'an order needs at least one item');
    }
    const items = new Array<OrderItem>(stored.length);
    let totalMinor = 0n;
    for (let i = 0; i < stored.length; i++) {
      const item = stored[i]!;
      const unitPrice = Money.fromStored(item.unitPrice, row.currency);
      totalMinor += unitPrice.amountMinor * BigInt(item.quantity);
      items[i] = Object.freeze({
        productId: ProductId.fromStored(item.productId),
        quantity: item.quantity,
        unitPrice,
      });
    }
    return new Order({
      id: OrderId.fromStored(row.id),
      customerId: UserId.fromStored(row.customerId),
      status: row.status,
      items: Object.freeze(items),
      total: Money.fromMinor(totalMinor, row.currency),
      // Fresh Date objects from the driver, owned by nobody else: no copy needed.
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt,
    });
  }

  get currency(): string {
    return this.total.currency;
  }

  /** @throws InvalidStateTransitionError for a move ORDER_TRANSITIONS does not allow. */
  transitionTo(to: OrderStatus, now: Date = new Date()): Order {
    assertTransition(this.status, to);
    return Order.validated({ ...this.toProps(), status: to, updatedAt: now });
  }

  /**
   * The reservation ran out: only a PENDING order expires, and only the sweep expires it (it is
   * not a move of ORDER_TRANSITIONS, which requests may ask for).
   * @throws InvalidStateTransitionError when the order is not PENDING.
   */
  expire(now: Date): Order {
    if (this.status !== 'PENDING') throw new InvalidStateTransitionError(this.status, 'EXPIRED', 'Order');
    return Order.validated({ ...this.toProps(), status: 'EXPIRED', updatedAt: now });
  }

  toProps(): OrderProps {
    return {
      id: this.id,
      customerId: this.customerId,
      status: this.status,
      items: this.items,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      deletedAt: this.deletedAt,
    };
  }
}

function mergeItems(items: readonly OrderItem[]): readonly OrderItem[] {
  if (items.length === 0) throw new ValidationError('items', 'an order needs at least one item');
  const lines = normalizeOrderLines(items);
  const priceOf = new Map<string, Money>();
  for (const item of items) {
    if (item.unitPrice.isNegative()) throw new ValidationError('unitPrice', 'must not be negative');
    const seen = priceOf.get(item.productId.value);
    if (seen && !seen.equals(item.unitPrice)) {
      throw new ValidationError('items', `product ${item.productId.value} appears with two unit prices`);
    }
    priceOf.set(item.productId.value, item.unitPrice);
  }
  return Object.freeze(
    // Written out rather than `{ ...line, unitPrice }`: V8 freezes a spread-then-extended object
    // some forty times slower (about 4 µs an item), which was most of reading an orders page.
    lines.map((line) =>
      Object.freeze({
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: priceOf.get(line.productId.value)!,
      }),
    ),
  );
}

function totalOf(items: readonly OrderItem[]): Money {
  const [first, ...rest] = items.map(lineTotal);
  if (!first) throw new ValidationError('items', 'an order needs at least one item');
  const total = rest.reduce((sum, line) => {
    if (line.currency !== sum.currency) throw new CurrencyMismatchError(sum.currency, line.currency);
    return sum.add(line);
  }, first);
  if (total.amountMinor > MAX_TOTAL_MINOR) throw new ValidationError('items', 'the order total is too large');
  return total;
}
