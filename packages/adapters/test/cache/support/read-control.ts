/** A read that has fetched its result (its snapshot of the data) and now waits to be let go. */
export interface HeldRead {
  readonly captured: Promise<void>;
  release(): void;
}

/**
 * Puts the test in charge of a repository's reads: counts them, can slow them down, and can hold
 * the next one after it has read the data but before it returns, which is exactly the moment
 * the slow-reader race needs.
 */
export class ReadControl {
  /** Each read waits a random 0..delayMs after fetching, to shuffle interleavings. */
  delayMs = 0;
  private readonly counts = new Map<string, number>();
  private readonly holds: Array<{ captured: () => void; released: Promise<void> }> = [];

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  holdNextRead(): HeldRead {
    let captured!: () => void;
    let release!: () => void;
    const capturedPromise = new Promise<void>((resolve) => (captured = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ captured, released });
    return { captured: capturedPromise, release };
  }

  async around<T>(method: string, read: () => Promise<T>): Promise<T> {
    this.counts.set(method, this.count(method) + 1);
    const result = await read();
    const hold = this.holds.shift();
    if (hold) {
      hold.captured();
      await hold.released;
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.delayMs));
    return result;
  }
}
