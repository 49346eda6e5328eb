import {
  ConflictError,
  NotFoundError,
  OrderId,
  ProductId,
  normalizeOrderLines,
  parseMaxPending,
  requireExpiryBatch,
  toCursorPage,
  type CursorPage,
  type ExpiredOrders,
  type Order,
  type OrderListOptions,
  type OrderRepository,
  type OrderStatus,
  type PlaceOrderInput,
  type UserId,
} from '@stratum/domain';
import { isInsideTransaction, type PrismaDb } from '../shared/prisma-db';
import { softDeleteRow } from '../shared/soft-delete';
import { RetryCounter, withTransientRetry } from '../shared/retry';
import type { SqlPath } from '../sql/sql-path';
import { sqlPathOf } from '../sql/sql-path-of';
import { changeStatusSql } from './change-status.sql';
import { expirePendingSql } from './expire-pending.sql';
import { findOrderByIdSql, findOrdersByCustomerSql } from './order-read.sql';
import { toDomainOrder, type OrderRow } from './order.mapper';
import { placeOrderSql, type PlaceOrderParams } from './place-order.sql';
import { lostPlaceRace, placedOrderFrom, type PlaceOrderRow } from './place-order.outcome';

/** A status that keeps moving under us this often is contended beyond reason. */
const MAX_STATUS_ATTEMPTS = 5;
/**
 * Each lost race for a pending place means another order of the customer committed, so after
 * at most the cap of them the count refuses; past this many something else is wrong.
 */
const MAX_PLACE_ATTEMPTS = 25;

export class PrismaOrderRepository implements OrderRepository {
  /**
   * @param db the primary (or a unit of work's transaction): every write, and reads that decide a write
   * @param reads where pure reads go: a replica-routing client, or the primary by default
   * @param retries where retried and given-up writes are counted; by default a counter of its own
   */
  constructor(
    private readonly db: PrismaDb,
    reads: PrismaDb = db,
    private readonly retries: RetryCounter = new RetryCounter(),
  ) {
    this.sql = sqlPathOf(db);
    this.readSql = sqlPathOf(reads);
  }

  private readonly sql: SqlPath;
  private readonly readSql: SqlPath;

  async placeOrder(input: PlaceOrderInput): Promise<Order> {
    const params: PlaceOrderParams = {
      orderId: OrderId.random(),
      customerId: input.customerId,
      lines: normalizeOrderLines(input.lines),
      maxPending: parseMaxPending(input.maxPending),
      now: new Date(),
    };
    return this.retryingOutsideUnitOfWork('placeOrder', async () => {
      // Again only when another order of the customer took the same pending place (see placeOrderSql).
      for (let attempt = 1; attempt <= MAX_PLACE_ATTEMPTS; attempt++) {
        const [row] = await this.sql.rows<PlaceOrderRow>(placeOrderSql(params));
        if (!row) throw new Error('placeOrder: the statement returned no row');
        if (!lostPlaceRace(row)) return placedOrderFrom(row, params);
      }
      throw new ConflictError(MAX_PLACE_ATTEMPTS, 'placeOrder');
    });
  }

  findById(id: OrderId): Promise<Order | null> {
    return this.findOn(this.readSql, id);
  }

  private async findOn(sql: SqlPath, id: OrderId): Promise<Order | null> {
    const [row] = await sql.rows<OrderRow>(findOrderByIdSql(id));
    return row ? toDomainOrder(row) : null;
  }

  async findByCustomer(customerId: UserId, options: OrderListOptions): Promise<CursorPage<Order>> {
    const { page, status } = options;
    const rows = await this.readSql.rows<OrderRow>(
      findOrdersByCustomerSql({ customerId, status, after: page.position, take: page.limit + 1 }),
    );
    return toCursorPage(rows.map(toDomainOrder), page.limit, (order) => ({
      createdAt: order.createdAt,
      id: order.id.value,
    }));
  }

  /**
   * Optimistic: validate the move on the order as read, then apply it only if the status is
   * still the one validated (see changeStatusSql). If it moved meanwhile, judge again on the
   * new status, which may now refuse the move.
   */
  changeStatus(id: OrderId, to: OrderStatus): Promise<Order> {
    return this.retryingOutsideUnitOfWork('changeStatus', async () => {
      for (let attempt = 1; attempt <= MAX_STATUS_ATTEMPTS; attempt++) {
        // From the primary: a replica's older status would never match the guarded update.
        const current = await this.findOn(this.sql, id);
        if (!current) throw new NotFoundError('Order', id.value);
        const now = new Date();
        const changed = current.transitionTo(to, now);
        const [row] = await this.sql.rows<{ moved: number }>(
          changeStatusSql({ id, from: current.status, to, now }),
        );
        if (row?.moved === 1) return changed;
      }
      throw new ConflictError(MAX_STATUS_ATTEMPTS, 'changeStatus');
    });
  }

  countPending(customerId: UserId): Promise<number> {
    // orders_customer_status_created_idx answers it from the index.
    return this.db.order.count({
      where: { customerId: customerId.value, status: 'PENDING', deletedAt: null },
    });
  }

  async expirePendingPlacedBefore(cutoff: Date, limit: number): Promise<ExpiredOrders> {
    requireExpiryBatch(cutoff, limit);
    return this.retryingOutsideUnitOfWork('expirePendingPlacedBefore', async () => {
      const [row] = await this.sql.rows<{ count: number; productIds: string[] }>(
        expirePendingSql({ cutoff, limit, now: new Date() }),
      );
      if (!row) throw new Error('expirePendingPlacedBefore: the statement returned no row');
      return { count: row.count, productIds: row.productIds.map((id) => ProductId.of(id)) };
    });
  }

  softDelete(id: OrderId): Promise<void> {
    return softDeleteRow(this.db.order, 'Order', id.value);
  }

  /** Inside a unit of work a deadlock aborts the whole transaction, and the unit of work retries it. */
  private retryingOutsideUnitOfWork<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    return isInsideTransaction(this.db)
      ? attempt()
      : withTransientRetry(operation, attempt, { retries: this.retries });
  }
}
