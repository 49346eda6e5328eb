import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class RoleId extends Uuid {
  declare private readonly brand: 'RoleId';

  static of(value: string): RoleId {
    return new RoleId(value, 'roleId');
  }

  static random(): RoleId {
    return new RoleId(randomUUID(), 'roleId');
  }
}
