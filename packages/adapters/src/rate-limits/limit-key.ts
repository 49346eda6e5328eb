import { createHash } from 'node:crypto';

/**
 * A store key for a limit and a caller-chosen key (an email, an address): the caller's part is
 * hashed, so whatever an email holds (colons, braces, newlines) cannot shape the key, e.g. reach
 * another limit's keys or pick a Redis Cluster hash slot.
 */
export function limitKey(prefix: string, limitName: string, key: string): string {
  return `${prefix}:${limitName}:${createHash('sha256').update(key).digest('base64url')}`;
}
