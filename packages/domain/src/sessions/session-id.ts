import { randomUUID } from 'node:crypto';
import { Uuid } from '../shared/uuid';

export class SessionId extends Uuid {
  declare private readonly brand: 'SessionId';

  static of(value: string): SessionId {
    return new SessionId(value, 'sessionId');
  }

  static random(): SessionId {
    return new SessionId(randomUUID(), 'sessionId');
  }
}
