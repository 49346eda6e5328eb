import { randomUUID } from 'node:crypto';
import { CANONICAL, Uuid } from '../shared/uuid';

export class ProductId extends Uuid {
  declare private readonly brand: 'ProductId';

  static of(value: string): ProductId {
    return new ProductId(value, 'productId');
  }

  /** The text of a `uuid` column our database returned: valid and lower-case already. */
  static fromStored(value: string): ProductId {
    return new ProductId(value, CANONICAL);
  }

  static random(): ProductId {
    return new ProductId(randomUUID(), CANONICAL);
  }
}
