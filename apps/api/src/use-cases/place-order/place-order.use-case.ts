import { ProductId, UserId, type Order, type OrderRepository } from '@stratum/domain';
import { assertMayActOn, type Principal } from '../shared/principal';

export interface PlaceOrderInput {
  /** Whose order it is: the caller's own when left out; anyone's with orders:write:any. */
  customerId?: string;
  lines: ReadonlyArray<{ productId: string; quantity: number }>;
}

/**
 * An order at current prices with its stock reserved, for a customer holding fewer than
 * `maxPendingPerCustomer` PENDING orders (each reserves stock, until it expires): the repository
 * judges the cap in the step that places the order, so orders racing each other cannot pass it.
 */
export class PlaceOrderUseCase {
  constructor(
    private readonly orders: OrderRepository,
    private readonly maxPendingPerCustomer: number,
  ) {}

  /** @throws PendingOrderLimitError (from the repository) when the customer already holds the most pending orders. */
  async execute(principal: Principal, input: PlaceOrderInput): Promise<Order> {
    const customerId = UserId.of(input.customerId ?? principal.userId.value);
    assertMayActOn(principal, 'orders:write', customerId.value);
    return this.orders.placeOrder({
      customerId,
      maxPending: this.maxPendingPerCustomer,
      lines: input.lines.map((line) => ({
        productId: ProductId.of(line.productId),
        quantity: line.quantity,
      })),
    });
  }
}
