import { randomUUID } from 'node:crypto';
import { CANONICAL, Uuid } from '../shared/uuid';

export class OrderId extends Uuid {
  declare private readonly brand: 'OrderId';

  static of(value: string): OrderId {
    return new OrderId(value, 'orderId');
  }

  /** The text of a `uuid` column our database returned: valid and lower-case already. */
  static fromStored(value: string): OrderId {
    return new OrderId(value, CANONICAL);
  }

  static random(): OrderId {
    return new OrderId(randomUUID(), CANONICAL);
  }
}
