import { ProductId, UserId, type Order, type OrderRepository } from '@stratum/domain';
import { assertMayActOn, type Principal } from '../shared/principal';

export interface PlaceOrderInput {
  /** Whose order it is: the caller's own when left out; anyone's with orders:write:any. */
  customerId?: string;
  lines: ReadonlyArray<{ productId: string; quantity: number }>;
}

/** An order at current prices with its stock reserved, all in the repository's one statement. */
export class PlaceOrderUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(principal: Principal, input: PlaceOrderInput): Promise<Order> {
    const customerId = input.customerId ?? principal.userId.value;
    assertMayActOn(principal, 'orders:write', customerId);
    return this.orders.placeOrder({
      customerId: UserId.of(customerId),
      lines: input.lines.map((line) => ({
        productId: ProductId.of(line.productId),
        quantity: line.quantity,
      })),
    });
  }
}
