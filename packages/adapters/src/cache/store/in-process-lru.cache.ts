import { CacheStats } from './cache-stats';
import {
  generationKey,
  newTicket,
  type Cache,
  type CacheHealth,
  type CacheLookup,
  type Invalidation,
  type Probe,
} from './cache.port';

export interface InProcessLruOptions {
  /** Entries kept at most; the least recently used goes first. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

interface Slot {
  readonly ticket: string;
  value: string | null;
  expiresAt: number;
}

/**
 * The Cache port inside this process: the default when no Redis is configured. It keeps the same
 * ticket protocol as Redis, so the decorators behave alike on both. It is private to one process:
 * with several API processes, one process's writes cannot reach the others' copies, whose
 * staleness only the TTL bounds. Use Redis as soon as there is more than one process.
 */
export class InProcessLruCache implements Cache {
  readonly backend = 'memory' as const;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly slots = new Map<string, Slot>();
  private readonly now: () => number;

  constructor(
    private readonly options: InProcessLruOptions,
    readonly stats: CacheStats = new CacheStats(),
  ) {
    if (!Number.isSafeInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError('InProcessLruCache: maxEntries must be a positive whole number');
    }
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.slots.size;
  }

  async lookup(key: string, leaseMs: number): Promise<CacheLookup> {
    const slot = this.live(key);
    if (slot?.value != null) return { kind: 'hit', value: slot.value, ticket: slot.ticket };
    if (slot) return { kind: 'loading', ticket: slot.ticket };
    const ticket = newTicket();
    this.store(key, { ticket, value: null, expiresAt: this.now() + leaseMs });
    return { kind: 'miss', ticket };
  }

  async fill(key: string, ticket: string, value: string, ttlMs: number): Promise<boolean> {
    const slot = this.live(key);
    if (!slot || slot.ticket !== ticket) return false;
    slot.value = value;
    slot.expiresAt = this.now() + ttlMs;
    return true;
  }

  async invalidate(invalidation: Invalidation): Promise<void> {
    for (const key of invalidation.keys) this.slots.delete(key);
    for (const namespace of invalidation.namespaces) this.slots.delete(generationKey(namespace));
    this.stats.increment('invalidations', invalidation.keys.length + invalidation.namespaces.length);
  }

  async generation(namespace: string): Promise<string> {
    const key = generationKey(namespace);
    const value = this.live(key)?.value;
    if (value != null) return value;
    const generation = newTicket();
    // Evicting a generation only orphans the namespace's entries, which is safe.
    this.store(key, { ticket: '', value: generation, expiresAt: Number.POSITIVE_INFINITY });
    return generation;
  }

  async current(probes: readonly Probe[]): Promise<Array<string | null>> {
    return probes.map((probe) =>
      'key' in probe
        ? (this.live(probe.key)?.ticket ?? null)
        : (this.live(generationKey(probe.namespace))?.value ?? null),
    );
  }

  async health(): Promise<CacheHealth> {
    return { status: 'up', backend: this.backend, latencyMs: 0, breaker: 'closed', pendingInvalidations: 0 };
  }

  async close(): Promise<void> {
    this.slots.clear();
  }

  /** The key's slot if it has not expired, moved to the most recently used end. */
  private live(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    if (slot.expiresAt <= this.now()) return undefined;
    this.slots.set(key, slot);
    return slot;
  }

  private store(key: string, slot: Slot): void {
    this.slots.set(key, slot);
    for (const oldest of this.slots.keys()) {
      if (this.slots.size <= this.options.maxEntries) break;
      this.slots.delete(oldest);
    }
  }
}
