import { ForbiddenError, OrderId, type Order, type OrderRepository, type OrderStatus } from '@stratum/domain';
import { findReachable } from '../shared/find-reachable';
import type { Principal } from '../shared/principal';

export interface ChangeOrderStatusInput {
  orderId: string;
  status: OrderStatus;
}

/** Moves an order along its life cycle; the order itself refuses a move its status does not allow. */
export class ChangeOrderStatusUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(principal: Principal, input: ChangeOrderStatusInput): Promise<Order> {
    const order = await findReachable(
      principal,
      { entity: 'Order', id: input.orderId, action: 'orders:write' },
      this.orders.findById(OrderId.of(input.orderId)),
      (found) => found.customerId.value,
    );
    // Confirming, shipping and delivering are the shop's moves, never the customer's.
    if (input.status !== 'CANCELLED' && !principal.has('orders:write:any')) {
      throw new ForbiddenError('Only orders:write:any may move an order other than to CANCELLED');
    }
    return this.orders.changeStatus(order.id, input.status);
  }
}
