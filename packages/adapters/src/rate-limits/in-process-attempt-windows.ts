import type { AttemptWindow, AttemptWindows, HitResult, WindowLimit } from './attempt-window.port';

interface Hit {
  at: number;
  id: string;
}

/**
 * Sliding-window logs in this process's memory: right for one instance, and what Redis falls back
 * to while it is away. Each key keeps at most `limit` hits, and a window at most `maxKeys` keys
 * (the least recently hit go first), so memory stays bounded whatever keys clients make up.
 */
export class InProcessAttemptWindows implements AttemptWindows {
  private readonly windows = new Map<string, InProcessAttemptWindow>();

  constructor(private readonly maxKeys = 100_000) {}

  window(limit: WindowLimit): AttemptWindow {
    const existing = this.windows.get(limit.name);
    if (existing) return existing;
    const created = new InProcessAttemptWindow(limit, this.maxKeys);
    this.windows.set(limit.name, created);
    return created;
  }
}

let nextId = 0;

class InProcessAttemptWindow implements AttemptWindow {
  private readonly hits = new Map<string, Hit[]>();

  constructor(
    private readonly limit: WindowLimit,
    private readonly maxKeys: number,
  ) {}

  hit(key: string, now: number): Promise<HitResult> {
    const recent = this.recent(key, now);
    const waitMs = this.waitMs(recent, now);
    if (waitMs > 0) return Promise.resolve({ allowed: false, waitMs });
    const hitId = `local:${++nextId}`;
    recent.push({ at: now, id: hitId });
    if (recent.length > this.limit.limit) recent.shift();
    // Re-inserted so that Map order is least recently hit first, for eviction.
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.evict(now);
    return Promise.resolve({ allowed: true, hitId });
  }

  release(key: string, hitId: string): Promise<void> {
    const recent = this.hits.get(key);
    const at = recent?.findIndex((hit) => hit.id === hitId) ?? -1;
    if (at >= 0) recent!.splice(at, 1);
    if (recent?.length === 0) this.hits.delete(key);
    return Promise.resolve();
  }

  reset(key: string): Promise<void> {
    this.hits.delete(key);
    return Promise.resolve();
  }

  private waitMs(recent: readonly Hit[], now: number): number {
    const { limit, windowMs, spacingMs } = this.limit;
    if (recent.length < limit) return 0;
    const slotFrees = recent[0]!.at + windowMs;
    if (spacingMs === undefined) return slotFrees - now;
    return Math.max(0, Math.min(recent.at(-1)!.at + spacingMs, slotFrees) - now);
  }

  private recent(key: string, now: number): Hit[] {
    const hits = this.hits.get(key) ?? [];
    const since = now - this.limit.windowMs;
    while (hits.length > 0 && hits[0]!.at <= since) hits.shift();
    return hits;
  }

  // Drops keys whose window has passed; if that is not enough, the least recently hit ones.
  private evict(now: number): void {
    for (const key of [...this.hits.keys()]) {
      if (this.recent(key, now).length === 0) this.hits.delete(key);
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
