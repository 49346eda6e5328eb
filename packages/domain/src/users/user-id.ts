import { randomUUID } from 'node:crypto';
import { CANONICAL, Uuid } from '../shared/uuid';

export class UserId extends Uuid {
  declare private readonly brand: 'UserId';

  static of(value: string): UserId {
    return new UserId(value, 'userId');
  }

  /** The text of a `uuid` column our database returned: valid and lower-case already. */
  static fromStored(value: string): UserId {
    return new UserId(value, CANONICAL);
  }

  static random(): UserId {
    return new UserId(randomUUID(), CANONICAL);
  }
}
