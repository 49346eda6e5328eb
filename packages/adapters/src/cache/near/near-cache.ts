/**
 * A decoded value this process read from or stored in the shared cache, with the ticket it was
 * filled under (and, for a namespaced entry, the generation its key was built on). It may be
 * served again only once the shared cache confirms that ticket and generation are still current:
 * any invalidation destroys one of them, so a copy can never outlive a write anywhere.
 */
export interface NearEntry {
  /** The stored key (with its generation), whose ticket is checked. */
  readonly key: string;
  readonly ticket: string;
  readonly namespace: { readonly name: string; readonly generation: string } | null;
  readonly value: unknown;
  /** What the entry is charged for: the length of its encoded form. */
  readonly size: number;
}

export interface NearCacheOptions {
  readonly maxEntries: number;
  /** Bound on the sum of the entries' sizes; a decoded value takes a few times its encoded length. */
  readonly maxBytes: number;
}

/**
 * This process's near cache: a bounded LRU of decoded, frozen values, keyed like the cache
 * entries (a namespaced entry by its key without the generation). It holds copies only; whether a
 * copy may be served is decided by ReadThroughCache, never here.
 */
export class NearCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, NearEntry>();
  private bytes = 0;

  constructor(private readonly options: NearCacheOptions) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new RangeError(`NearCache: ${name} must be a positive whole number`);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string): NearEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: NearEntry): void {
    this.delete(key);
    if (entry.size > this.options.maxBytes) return;
    deepFreeze(entry.value);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, evicted] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.size;
    }
  }

  /** Removes the key's entry; given `only`, only if that is still the entry held. */
  delete(key: string, only?: NearEntry): void {
    const entry = this.entries.get(key);
    if (!entry || (only && entry !== only)) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/**
 * One copy is handed to every caller, so nobody may change it: arrays and plain objects are frozen
 * here (entities freeze themselves; their Dates are left to the callers' good manners).
 */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
