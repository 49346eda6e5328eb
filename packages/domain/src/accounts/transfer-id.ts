import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class TransferId extends Uuid {
  declare private readonly brand: 'TransferId';

  static of(value: string): TransferId {
    return new TransferId(value, 'transferId');
  }

  static random(): TransferId {
    return new TransferId(randomUUID(), 'transferId');
  }
}
