import { PendingOrderLimitError, ProductId, UserId, type Order, type OrderRepository } from '@stratum/domain';
import { assertMayActOn, type Principal } from '../shared/principal';

export interface PlaceOrderInput {
  /** Whose order it is: the caller's own when left out; anyone's with orders:write:any. */
  customerId?: string;
  lines: ReadonlyArray<{ productId: string; quantity: number }>;
}

/**
 * An order at current prices with its stock reserved, all in the repository's one statement, for
 * a customer holding fewer than `maxPendingPerCustomer` PENDING orders (each reserves stock). The
 * count is read before the order is placed, so orders racing each other may pass the cap by as
 * many as race: it bounds hoarding, it is not an exact quota.
 */
export class PlaceOrderUseCase {
  constructor(
    private readonly orders: OrderRepository,
    private readonly maxPendingPerCustomer: number,
  ) {}

  /** @throws PendingOrderLimitError when the customer already holds the most pending orders. */
  async execute(principal: Principal, input: PlaceOrderInput): Promise<Order> {
    const customerId = UserId.of(input.customerId ?? principal.userId.value);
    assertMayActOn(principal, 'orders:write', customerId.value);
    if ((await this.orders.countPending(customerId)) >= this.maxPendingPerCustomer) {
      throw new PendingOrderLimitError(this.maxPendingPerCustomer);
    }
    return this.orders.placeOrder({
      customerId,
      lines: input.lines.map((line) => ({
        productId: ProductId.of(line.productId),
        quantity: line.quantity,
      })),
    });
  }
}
