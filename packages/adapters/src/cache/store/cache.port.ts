import { randomBytes } from 'node:crypto';
import type { CacheStats } from './cache-stats';

/**
 * What a lookup found. On a miss the caller gets a ticket: the key's current fill ticket, which
 * any invalidation of the key destroys. A fill succeeds only with a ticket that is still current,
 * so a value loaded before an invalidation can never be stored after it.
 */
export type CacheLookup =
  /** `ticket` is the one the value was filled under: while the key still holds it, so does the value. */
  | { readonly kind: 'hit'; readonly value: string; readonly ticket: string }
  /** No value and no other loader: this caller holds the lease and should load and fill. */
  | { readonly kind: 'miss'; readonly ticket: string }
  /** Another caller (maybe in another process) holds the lease and is loading now. */
  | { readonly kind: 'loading'; readonly ticket: string };

/** What `current` reads: a key's fill ticket, or a namespace's generation. */
export type Probe = { readonly key: string } | { readonly namespace: string };

/** Keys to delete, and namespaces whose generation to replace (which kills every key built on it). */
export interface Invalidation {
  readonly keys: readonly string[];
  readonly namespaces: readonly string[];
}

export interface CacheHealth {
  readonly status: 'up' | 'down';
  readonly backend: 'redis' | 'memory';
  readonly latencyMs: number;
  /** 'open' while the cache is being skipped after failures. */
  readonly breaker: 'closed' | 'open' | 'half-open';
  /** Invalidations that failed and will be replayed before the cache is used again. */
  readonly pendingInvalidations: number;
  readonly error?: string;
}

/**
 * A shared key-value cache with lease-guarded fills. Values are opaque strings; every key is
 * touched on its own (no multi-key command), so a Redis Cluster can hold any key on any slot.
 *
 * `lookup`, `fill` and `generation` reject when the cache is unreachable; callers then go to the
 * database. `invalidate` never rejects: an implementation that cannot apply it now must apply it
 * before it serves anything again.
 */
export interface Cache {
  readonly backend: 'redis' | 'memory';
  readonly stats: CacheStats;
  lookup(key: string, leaseMs: number): Promise<CacheLookup>;
  /** Stores `value` only if `ticket` is still the key's current ticket; tells whether it did. */
  fill(key: string, ticket: string, value: string, ttlMs: number): Promise<boolean>;
  invalidate(invalidation: Invalidation): Promise<void>;
  /** The namespace's current generation, created if it has none. */
  generation(namespace: string): Promise<string>;
  /**
   * For each probe, the key's current ticket or the namespace's current generation (null when
   * there is none), read after the call began and in one round trip. It takes no lease and
   * creates nothing: it is how a copy of a value kept elsewhere proves it is still current.
   */
  current(probes: readonly Probe[]): Promise<Array<string | null>>;
  health(): Promise<CacheHealth>;
  close(): Promise<void>;
}

export class CacheUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CacheUnavailableError';
  }
}

// What every implementation shares of the ticket protocol above.

/**
 * Tickets and generations are random, never counters: a key or generation that expires or is
 * evicted and comes back can never repeat an old value, so no stale fill can match by accident.
 */
export function newTicket(): string {
  return randomBytes(12).toString('base64url');
}

/** Where a namespace keeps its generation; entries of the namespace embed the generation in their key. */
export function generationKey(namespace: string): string {
  return `${namespace}:gen`;
}
