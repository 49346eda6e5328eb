import { WalPosition } from '@stratum/prisma';

/**
 * The consistency one request (or one user's session) asks of its reads, passed explicitly to
 * ReadRouter.client() when the request builds its repositories; nothing is read from ambient
 * request context.
 *
 * - `primaryOnly()`: every read on the primary: read-modify-write code, and anything that must
 *   see every committed write.
 * - `readYourWrites(token)`: reads may go to a replica, but only to one that has replayed this
 *   session's own writes. `ReadRouter.recordWrite(session)` after a write raises the session's
 *   floor to the primary's WAL position; `token()` carries that floor to the next request (a
 *   header or cookie), where `readYourWrites(token)` picks it up again. With no write yet it is
 *   plain eventual consistency within the configured lag bound.
 */
export class ReadSession {
  private constructor(
    private currentMode: 'primary' | 'replica',
    private floor: WalPosition | null,
  ) {}

  get mode(): 'primary' | 'replica' {
    return this.currentMode;
  }

  static primaryOnly(): ReadSession {
    return new ReadSession('primary', null);
  }

  /** A malformed or missing token means no floor: a client cannot make us fail by sending junk. */
  static readYourWrites(token?: string | null): ReadSession {
    return new ReadSession('replica', WalPosition.tryParse(token));
  }

  /** The WAL position a replica must have replayed to serve this session; null when any will do. */
  get minPosition(): WalPosition | null {
    return this.floor;
  }

  /** Raises the floor; never lowers it, so tokens from older requests cannot undo a newer write. */
  observeWrite(position: WalPosition): void {
    this.floor = WalPosition.max(this.floor, position);
  }

  /**
   * For when a write's position could not be read: this session object reads only from the
   * primary from now on. Its token stays what it was, so a later request may miss that write.
   */
  pinToPrimary(): void {
    this.currentMode = 'primary';
  }

  /** An opaque string to hand back to the client, or null when the session has made no write. */
  token(): string | null {
    return this.floor?.toString() ?? null;
  }
}
