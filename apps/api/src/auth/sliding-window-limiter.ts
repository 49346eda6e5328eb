/**
 * A sliding-window log: each key keeps the times of its recent hits, at most `limit` of them, so
 * memory is bounded per key; the number of keys is bounded by `maxKeys`. It lives in this
 * process's memory, which is right for one instance; several instances each count on their own
 * (so the effective limit is multiplied by their number) until it moves to a shared store.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until `key` may be hit again, or 0 when it may be now. Records nothing. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return recent[0]! + this.windowMs - now;
  }

  /**
   * Like waitMs, but once the key is at its limit it may go again every `spacingMs` after its
   * latest hit instead of when the window frees a slot: a full key is slowed down, not shut out.
   */
  paceMs(key: string, now: number, spacingMs: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(0, Math.min(recent.at(-1)! + spacingMs, recent[0]! + this.windowMs) - now);
  }

  hit(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.limit) recent.shift();
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.evict(now);
  }

  /** Takes back the latest hit, e.g. when the attempt turned out to be legitimate. */
  release(key: string): void {
    const recent = this.hits.get(key);
    recent?.pop();
    if (recent?.length === 0) this.hits.delete(key);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key) ?? [];
    const since = now - this.windowMs;
    while (times.length > 0 && times[0]! <= since) times.shift();
    return times;
  }

  // Drops keys whose window has passed; if that is not enough, the least recently hit ones, which
  // Map's insertion order gives first because hit() re-inserts its key.
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
