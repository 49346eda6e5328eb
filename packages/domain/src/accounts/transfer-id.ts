import { randomUUID } from 'node:crypto';
import { CANONICAL, Uuid } from '../shared/uuid';

export class TransferId extends Uuid {
  declare private readonly brand: 'TransferId';

  static of(value: string): TransferId {
    return new TransferId(value, 'transferId');
  }

  /** The text of a `uuid` column our database returned: valid and lower-case already. */
  static fromStored(value: string): TransferId {
    return new TransferId(value, CANONICAL);
  }

  static random(): TransferId {
    return new TransferId(randomUUID(), CANONICAL);
  }
}
