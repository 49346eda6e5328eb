import type { Invalidation } from './cache.port';

/**
 * Invalidations that could not reach the cache. They are replayed before the cache serves
 * anything again, so an entry this process failed to delete is never read back by it. Keys are
 * bounded by `capacity`; what overflows is left to its TTL (counted as dropped). Namespaces are
 * a handful and always kept.
 */
export class PendingInvalidations {
  // A sequence number per entry, so a replay never forgets an entry queued again while it ran.
  private readonly keys = new Map<string, number>();
  private readonly namespaces = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.keys.size + this.namespaces.size;
  }

  /** Queues the invalidation; returns how many entries did not fit. */
  add(invalidation: Invalidation): number {
    let dropped = 0;
    for (const namespace of invalidation.namespaces) this.namespaces.set(namespace, ++this.sequence);
    for (const key of invalidation.keys) {
      if (this.size >= this.capacity && !this.keys.has(key)) dropped += 1;
      else this.keys.set(key, ++this.sequence);
    }
    return dropped;
  }

  /** What to replay now, and a function that forgets exactly that once it has been applied. */
  take(): { invalidation: Invalidation; applied: () => void } {
    const keys = new Map(this.keys);
    const namespaces = new Map(this.namespaces);
    return {
      invalidation: { keys: [...keys.keys()], namespaces: [...namespaces.keys()] },
      applied: () => {
        forgetUnchanged(this.keys, keys);
        forgetUnchanged(this.namespaces, namespaces);
      },
    };
  }
}

function forgetUnchanged(current: Map<string, number>, replayed: Map<string, number>): void {
  for (const [entry, sequence] of replayed) {
    if (current.get(entry) === sequence) current.delete(entry);
  }
}
