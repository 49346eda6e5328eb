import { randomBytes } from 'node:crypto';

/**
 * Tickets and generations are random, never counters: a key or generation that expires or is
 * evicted and comes back can never repeat an old value, so no stale fill can match by accident.
 */
export function newTicket(): string {
  return randomBytes(12).toString('base64url');
}
