import type { ReadSession } from '@stratum/adapters';
import type { Repositories } from '@stratum/domain';

/**
 * Where a request's pure reads go when read replicas are configured. Each request carries its own
 * ReadSession, built from the `X-Stratum-Read-After` header a client got back from an earlier
 * write, so a client always reads its own writes, even on its next request.
 */
export interface ReadRouting {
  /** The session a request's header asks for (a malformed token is ignored). */
  sessionFrom(token: string | undefined): ReadSession;
  /** Repositories whose pure reads may go to any replica that has replayed the session's writes. */
  repositoriesFor(session: ReadSession): Repositories;
  /** After a write: remember the primary's WAL position in the session. Never throws. */
  recordWrite(session: ReadSession): Promise<void>;
}

export const READ_AFTER_HEADER = 'x-stratum-read-after';
