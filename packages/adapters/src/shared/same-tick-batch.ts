interface Waiter<V> {
  readonly key: string;
  resolve(value: V | null): void;
  reject(error: unknown): void;
}

/**
 * Lookups by one key asked in the same tick go out as one query (`key = ANY($1)`): one round
 * trip, one plan and one pass through the driver serve them all. Under concurrent requests the
 * driver's and the server's cost per statement, not per row, is what a lookup spends (see the
 * benchmarks). A lookup alone waits one tick.
 */
export class SameTickBatch<R, V> {
  private waiting: Array<Waiter<V>> = [];

  /**
   * @param query the rows for these distinct keys (one statement); its failure fails the batch
   * @param keyOf the key a row answers, spelled as the lookups spell it
   * @param toValue the row mapped for one waiter
   */
  constructor(
    private readonly query: (keys: string[]) => Promise<R[]>,
    private readonly keyOf: (row: R) => string,
    private readonly toValue: (row: R) => V,
  ) {}

  load(key: string): Promise<V | null> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) process.nextTick(() => void this.flush());
      this.waiting.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    let found: Map<string, R>;
    try {
      const rows = await this.query([...new Set(batch.map((waiter) => waiter.key))]);
      found = new Map(rows.map((row) => [this.keyOf(row), row]));
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    for (const waiter of batch) {
      const row = found.get(waiter.key);
      // Each waiter gets its own answer: a corrupt row fails only the lookups of that row.
      try {
        waiter.resolve(row ? this.toValue(row) : null);
      } catch (error) {
        waiter.reject(error);
      }
    }
  }
}
