import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class UserId extends Uuid {
  declare private readonly brand: 'UserId';

  static of(value: string): UserId {
    return new UserId(value, 'userId');
  }

  static random(): UserId {
    return new UserId(randomUUID(), 'userId');
  }
}
