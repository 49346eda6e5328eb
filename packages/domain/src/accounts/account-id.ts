import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class AccountId extends Uuid {
  declare private readonly brand: 'AccountId';

  static of(value: string): AccountId {
    return new AccountId(value, 'accountId');
  }

  static random(): AccountId {
    return new AccountId(randomUUID(), 'accountId');
  }
}
