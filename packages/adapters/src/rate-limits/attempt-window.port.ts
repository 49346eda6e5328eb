/**
 * Counters of attempts (failed logins, sign-ups) per key over a sliding window, behind one port so
 * the API does not care whether they live in this process or in Redis, shared by every instance.
 */
export interface WindowLimit {
  /** Names the counter: keys of different limits never meet. */
  readonly name: string;
  /** Hits a key may have within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Set: a full key is slowed down instead of shut out, and may be hit again this long after its
   * latest hit (or when the window frees a slot, whichever comes first).
   */
  readonly spacingMs?: number;
}

/** A recorded hit, with the id that takes it back; or the milliseconds to wait, nothing recorded. */
export type HitResult =
  { readonly allowed: true; readonly hitId: string } | { readonly allowed: false; readonly waitMs: number };

export interface AttemptWindow {
  /** Atomic per key: of parallel hits on a full key none is recorded, so a burst cannot slip past. */
  hit(key: string, now: number): Promise<HitResult>;
  /** Takes back one hit, e.g. when the attempt turned out to be legitimate. */
  release(key: string, hitId: string): Promise<void>;
  /** Forgets every hit of the key. */
  reset(key: string): Promise<void>;
}

export interface AttemptWindows {
  window(limit: WindowLimit): AttemptWindow;
}
