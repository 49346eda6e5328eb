import { randomUUID } from 'node:crypto';
import { CANONICAL, Uuid } from '../shared/uuid';

export class AccountId extends Uuid {
  declare private readonly brand: 'AccountId';

  static of(value: string): AccountId {
    return new AccountId(value, 'accountId');
  }

  /** The text of a `uuid` column our database returned: valid and lower-case already. */
  static fromStored(value: string): AccountId {
    return new AccountId(value, CANONICAL);
  }

  static random(): AccountId {
    return new AccountId(randomUUID(), CANONICAL);
  }
}
