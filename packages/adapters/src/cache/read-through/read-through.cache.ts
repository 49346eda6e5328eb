import type { CacheEntry, CacheKeys, TtlClass } from './cache-keys';
import type { CacheStats } from '../store/cache-stats';
import type { Cache, CacheHealth, CacheLookup, Invalidation } from '../store/cache.port';
import { NearCache, type NearEntry } from '../near/near-cache';
import { ProbeBatch } from '../near/probe-batch';
import type { RepositoryCache } from './repository-cache';
import { SingleFlight } from './single-flight';

export interface ReadThroughOptions {
  readonly entityTtlMs: number;
  readonly searchTtlMs: number;
  /** Each stored TTL is shortened by a random part of up to this fraction, so entries filled together do not expire together. */
  readonly jitter: number;
  /** How long a miss holds the key's lease; a load slower than this just does not get stored. */
  readonly leaseMs: number;
  /** How long a miss waits for another process's load before loading itself. */
  readonly leaseWaitMs: number;
  readonly leasePollMs: number;
  /** Decoded values kept in this process (0: none); each is served only after Redis confirms its ticket. */
  readonly nearMaxEntries: number;
  readonly nearMaxBytes: number;
}

/** Where an entry lives in the shared cache now: its key, and the generation the key was built on. */
interface Located {
  readonly key: string;
  readonly generation: string | null;
}

export const READ_THROUGH_DEFAULTS: ReadThroughOptions = {
  entityTtlMs: 60_000,
  searchTtlMs: 30_000,
  jitter: 0.1,
  leaseMs: 5_000,
  leaseWaitMs: 100,
  leasePollMs: 10,
  nearMaxEntries: 0,
  nearMaxBytes: 32 * 1024 * 1024,
};

/**
 * Read-through caching on any Cache: ticket-checked fills, a lease across processes, one load
 * per key and ticket in this process, and a fall back to the database whenever the cache fails.
 * The application makes one and shares it between every cached repository and the
 * CachingUnitOfWork.
 *
 * Every caller does its own lookup, and only callers that saw the same ticket share a load.
 * Seeing the ticket proves that no invalidation had happened when the caller arrived, so any
 * write the shared load might miss had not finished yet: the caller overlaps it, and either
 * answer is correct. Sharing on the key alone would let a caller that arrives after another
 * process's write join a load that began before it.
 *
 * With a near cache, a value this process decoded is kept with the ticket it was filled under
 * (and its generation). A later read serves that copy only after the shared cache, asked after the
 * read began, still holds the same ticket and generation: an invalidation anywhere destroys one of
 * them, so the copy is exactly as fresh as a shared-cache hit would have been, without moving or
 * decoding the value. Checks of one tick share a round trip (ProbeBatch). A failed check is a
 * failed cache: the read goes to the database.
 */
export class ReadThroughCache implements RepositoryCache {
  private readonly options: ReadThroughOptions;
  private readonly flights = new SingleFlight();
  private readonly near: NearCache | null;
  private readonly probes: ProbeBatch;

  constructor(
    readonly cache: Cache,
    readonly keys: CacheKeys,
    options: Partial<ReadThroughOptions> = {},
  ) {
    this.options = { ...READ_THROUGH_DEFAULTS, ...options };
    this.near =
      this.options.nearMaxEntries > 0
        ? new NearCache({ maxEntries: this.options.nearMaxEntries, maxBytes: this.options.nearMaxBytes })
        : null;
    this.probes = new ProbeBatch(cache);
  }

  /** Entries held in this process's near cache (0 without one). */
  get nearSize(): number {
    return this.near?.size ?? 0;
  }

  get stats(): CacheStats {
    return this.cache.stats;
  }

  health(): Promise<CacheHealth> {
    return this.cache.health();
  }

  close(): Promise<void> {
    this.near?.clear();
    return this.cache.close();
  }

  async read<T>(entry: CacheEntry<T>, load: () => Promise<T>): Promise<T> {
    const copy = this.near?.get(entry.key);
    if (copy) {
      let current: boolean;
      try {
        current = await this.isCurrent(copy);
      } catch {
        this.stats.increment('bypassed');
        return load();
      }
      if (current) {
        this.stats.increment('hits');
        this.stats.increment('nearHits');
        return copy.value as T;
      }
      this.stats.increment('nearStale');
      this.near?.delete(entry.key, copy);
    }
    let at: Located;
    let found: CacheLookup;
    try {
      // The generation is read before loading: a write renewing it meanwhile orphans what we store.
      if (entry.namespace) {
        const generation = await this.cache.generation(entry.namespace.name);
        at = { key: entry.namespace.keyAt(generation), generation };
      } else {
        at = { key: entry.key, generation: null };
      }
      found = await this.cache.lookup(at.key, this.options.leaseMs);
    } catch {
      // Stepping aside means exactly that: no sharing either, since nothing can vouch for freshness.
      this.stats.increment('bypassed');
      return load();
    }
    if (found.kind === 'hit') return this.decoded(entry, at, found, load);
    const { ticket } = found;
    return this.flights.run(
      `${at.key} ${ticket}`,
      () =>
        found.kind === 'miss'
          ? this.loadAndFill(entry, at, ticket, load)
          : this.awaitLoader(entry, at, ticket, load),
      () => this.stats.increment('coalesced'),
    );
  }

  async invalidate(invalidation: Invalidation): Promise<void> {
    // Only a shortcut for this process: the shared cache's ticket is what guards every copy.
    for (const key of invalidation.keys) this.near?.delete(key);
    try {
      await this.cache.invalidate(invalidation);
    } catch {
      // The port promises not to reject; should an implementation break that, the write still stands.
    }
  }

  /** Whether the copy's ticket (and generation) are still the shared cache's, read after this call began. */
  private async isCurrent(copy: NearEntry): Promise<boolean> {
    const ticket = this.probes.current({ key: copy.key });
    if (!copy.namespace) return (await ticket) === copy.ticket;
    const [generation, current] = await Promise.all([
      this.probes.current({ namespace: copy.namespace.name }),
      ticket,
    ]);
    return generation === copy.namespace.generation && current === copy.ticket;
  }

  /** Keeps a decoded value with the ticket it was filled under, if this cache keeps copies. */
  private remember<T>(entry: CacheEntry<T>, at: Located, ticket: string, value: T, size: number): void {
    if (!this.near) return;
    const namespace =
      entry.namespace && at.generation !== null
        ? { name: entry.namespace.name, generation: at.generation }
        : null;
    this.near.set(entry.key, { key: at.key, ticket, namespace, value, size });
  }

  private async decoded<T>(
    entry: CacheEntry<T>,
    at: Located,
    found: { readonly value: string; readonly ticket: string },
    load: () => Promise<T>,
  ): Promise<T> {
    let value: T;
    try {
      value = entry.codec.decode(found.value);
    } catch {
      this.stats.increment('errors');
      await this.invalidate({ keys: [at.key], namespaces: [] });
      return load();
    }
    this.stats.increment('hits');
    this.remember(entry, at, found.ticket, value, found.value.length);
    return value;
  }

  private async loadAndFill<T>(
    entry: CacheEntry<T>,
    at: Located,
    ticket: string,
    load: () => Promise<T>,
  ): Promise<T> {
    this.stats.increment('misses');
    const value = await load();
    try {
      const encoded = entry.codec.encode(value);
      const stored = await this.cache.fill(at.key, ticket, encoded, this.ttlOf(entry.ttl));
      this.stats.increment(stored ? 'fills' : 'staleFillsRejected');
      // Only a fill the ticket let through: a refused one may hold what a write has replaced.
      if (stored) this.remember(entry, at, ticket, value, encoded.length);
    } catch {
      // The value is still good for this caller; the cache simply stays empty.
    }
    return value;
  }

  /** Another process holds the lease: give it a moment, so the database sees one load, not one per process. */
  private async awaitLoader<T>(
    entry: CacheEntry<T>,
    at: Located,
    ticket: string,
    load: () => Promise<T>,
  ): Promise<T> {
    this.stats.increment('leaseWaits');
    const deadline = performance.now() + this.options.leaseWaitMs;
    let current = ticket;
    while (performance.now() < deadline) {
      await sleep(this.options.leasePollMs);
      let found: CacheLookup;
      try {
        found = await this.cache.lookup(at.key, this.options.leaseMs);
      } catch {
        this.stats.increment('bypassed');
        return load();
      }
      if (found.kind === 'hit') return this.decoded(entry, at, found, load);
      if (found.kind === 'miss') return this.loadAndFill(entry, at, found.ticket, load);
      current = found.ticket;
    }
    // Still loading elsewhere: load here and fill with that ticket. If an invalidation has
    // destroyed it since, the fill is refused, so this cannot store anything stale.
    return this.loadAndFill(entry, at, current, load);
  }

  /** Jitter only shortens, so the configured TTL stays the upper bound on staleness. */
  private ttlOf(ttl: TtlClass): number {
    const base = ttl === 'entity' ? this.options.entityTtlMs : this.options.searchTtlMs;
    return Math.max(1, Math.round(base * (1 - this.options.jitter * Math.random())));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
