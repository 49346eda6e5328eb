import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class OrderId extends Uuid {
  declare private readonly brand: 'OrderId';

  static of(value: string): OrderId {
    return new OrderId(value, 'orderId');
  }

  static random(): OrderId {
    return new OrderId(randomUUID(), 'orderId');
  }
}
