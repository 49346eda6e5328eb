/** Upper bounds in milliseconds, Prometheus style: each bucket counts observations at or below it. */
export const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;

export interface LatencySnapshot {
  readonly count: number;
  readonly sumMs: number;
  readonly maxMs: number;
  /** Cumulative counts keyed by upper bound; '+Inf' equals count. */
  readonly buckets: Readonly<Record<string, number>>;
}

export class LatencyHistogram {
  private count = 0;
  private sumMs = 0;
  private maxMs = 0;
  private readonly counts = new Array<number>(LATENCY_BUCKETS_MS.length).fill(0);

  observe(ms: number): void {
    this.count += 1;
    this.sumMs += ms;
    this.maxMs = Math.max(this.maxMs, ms);
    const index = LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
    if (index >= 0) this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  snapshot(): LatencySnapshot {
    const buckets: Record<string, number> = {};
    let cumulative = 0;
    LATENCY_BUCKETS_MS.forEach((bound, index) => {
      cumulative += this.counts[index] ?? 0;
      buckets[String(bound)] = cumulative;
    });
    buckets['+Inf'] = this.count;
    return { count: this.count, sumMs: round(this.sumMs), maxMs: round(this.maxMs), buckets };
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
