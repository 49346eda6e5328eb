import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class ProductId extends Uuid {
  declare private readonly brand: 'ProductId';

  static of(value: string): ProductId {
    return new ProductId(value, 'productId');
  }

  static random(): ProductId {
    return new ProductId(randomUUID(), 'productId');
  }
}
