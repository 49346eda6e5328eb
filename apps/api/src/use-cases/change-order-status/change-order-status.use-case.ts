import { ForbiddenError, OrderId, type Order, type OrderRepository, type OrderStatus } from '@stratum/domain';
import { findExisting } from '../shared/find-existing';
import { assertMayActOn, type Principal } from '../shared/principal';

export interface ChangeOrderStatusInput {
  orderId: string;
  status: OrderStatus;
}

/** Moves an order along its life cycle; the order itself refuses a move its status does not allow. */
export class ChangeOrderStatusUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(principal: Principal, input: ChangeOrderStatusInput): Promise<Order> {
    const order = await findExisting('Order', input.orderId, this.orders.findById(OrderId.of(input.orderId)));
    assertMayActOn(principal, 'orders:write', order.customerId.value);
    // Confirming, shipping and delivering are the shop's moves, never the customer's.
    if (input.status !== 'CANCELLED' && !principal.has('orders:write:any')) {
      throw new ForbiddenError('Only orders:write:any may move an order other than to CANCELLED');
    }
    return this.orders.changeStatus(order.id, input.status);
  }
}
