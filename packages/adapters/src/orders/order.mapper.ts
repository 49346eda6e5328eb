import { Order, type StoredOrder } from '@stratum/domain';

/** An orders row with its items folded in as JSON (see order-read.sql.ts). */
export type OrderRow = StoredOrder;

/** Our own row: rebuilt without re-running the rules its writer already ran (Order.fromStored). */
export function toDomainOrder(row: OrderRow): Order {
  return Order.fromStored(row);
}
