/** Every latency of a measurement, kept whole so that percentiles are exact rather than bucketed. */
export class LatencyRecorder {
  private samples = new Float64Array(4096);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.count).sort();
    const at = (q: number) =>
      sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
    let total = 0;
    for (const ms of sorted) total += ms;
    return {
      p50Ms: at(0.5),
      p90Ms: at(0.9),
      p99Ms: at(0.99),
      maxMs: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
      meanMs: sorted.length === 0 ? 0 : total / sorted.length,
    };
  }
}

export interface LatencySummary {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}
