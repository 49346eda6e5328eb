import type { Money } from '../shared/money';
import type { ProductId } from '../products/product-id';

/** A line of a placed order, with the unit price captured when the order was placed. */
export interface OrderItem {
  readonly productId: ProductId;
  readonly quantity: number;
  readonly unitPrice: Money;
}

export function lineTotal(item: OrderItem): Money {
  return item.unitPrice.multiply(item.quantity);
}
