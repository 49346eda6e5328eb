import type { CacheEntry, CacheKeys, TtlClass } from './cache-keys';
import type { CacheStats } from '../store/cache-stats';
import type { Cache, CacheHealth, CacheLookup, Invalidation } from '../store/cache.port';
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
}

export const READ_THROUGH_DEFAULTS: ReadThroughOptions = {
  entityTtlMs: 60_000,
  searchTtlMs: 30_000,
  jitter: 0.1,
  leaseMs: 5_000,
  leaseWaitMs: 100,
  leasePollMs: 10,
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
 */
export class ReadThroughCache implements RepositoryCache {
  private readonly options: ReadThroughOptions;
  private readonly flights = new SingleFlight();

  constructor(
    readonly cache: Cache,
    readonly keys: CacheKeys,
    options: Partial<ReadThroughOptions> = {},
  ) {
    this.options = { ...READ_THROUGH_DEFAULTS, ...options };
  }

  get stats(): CacheStats {
    return this.cache.stats;
  }

  health(): Promise<CacheHealth> {
    return this.cache.health();
  }

  close(): Promise<void> {
    return this.cache.close();
  }

  async read<T>(entry: CacheEntry<T>, load: () => Promise<T>): Promise<T> {
    let key: string;
    let found: CacheLookup;
    try {
      // The generation is read before loading: a write renewing it meanwhile orphans what we store.
      key = entry.namespace
        ? entry.namespace.keyAt(await this.cache.generation(entry.namespace.name))
        : entry.key;
      found = await this.cache.lookup(key, this.options.leaseMs);
    } catch {
      // Stepping aside means exactly that: no sharing either, since nothing can vouch for freshness.
      this.stats.increment('bypassed');
      return load();
    }
    if (found.kind === 'hit') return this.decoded(entry, key, found.value, load);
    const { ticket } = found;
    return this.flights.run(
      `${key} ${ticket}`,
      () =>
        found.kind === 'miss'
          ? this.loadAndFill(entry, key, ticket, load)
          : this.awaitLoader(entry, key, ticket, load),
      () => this.stats.increment('coalesced'),
    );
  }

  async invalidate(invalidation: Invalidation): Promise<void> {
    try {
      await this.cache.invalidate(invalidation);
    } catch {
      // The port promises not to reject; should an implementation break that, the write still stands.
    }
  }

  private async decoded<T>(
    entry: CacheEntry<T>,
    key: string,
    text: string,
    load: () => Promise<T>,
  ): Promise<T> {
    try {
      const value = entry.codec.decode(text);
      this.stats.increment('hits');
      return value;
    } catch {
      this.stats.increment('errors');
      await this.invalidate({ keys: [key], namespaces: [] });
      return load();
    }
  }

  private async loadAndFill<T>(
    entry: CacheEntry<T>,
    key: string,
    ticket: string,
    load: () => Promise<T>,
  ): Promise<T> {
    this.stats.increment('misses');
    const value = await load();
    try {
      const stored = await this.cache.fill(key, ticket, entry.codec.encode(value), this.ttlOf(entry.ttl));
      this.stats.increment(stored ? 'fills' : 'staleFillsRejected');
    } catch {
      // The value is still good for this caller; the cache simply stays empty.
    }
    return value;
  }

  /** Another process holds the lease: give it a moment, so the database sees one load, not one per process. */
  private async awaitLoader<T>(
    entry: CacheEntry<T>,
    key: string,
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
        found = await this.cache.lookup(key, this.options.leaseMs);
      } catch {
        this.stats.increment('bypassed');
        return load();
      }
      if (found.kind === 'hit') return this.decoded(entry, key, found.value, load);
      if (found.kind === 'miss') return this.loadAndFill(entry, key, found.ticket, load);
      current = found.ticket;
    }
    // Still loading elsewhere: load here and fill with that ticket. If an invalidation has
    // destroyed it since, the fill is refused, so this cannot store anything stale.
    return this.loadAndFill(entry, key, current, load);
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
