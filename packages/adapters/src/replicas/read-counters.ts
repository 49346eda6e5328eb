/** Why a read that could have gone to a replica went to the primary. */
export type FallbackReason = 'down' | 'lagging' | 'behind-session' | 'replica-error';

/** Why one replica was passed over for one read (the first three of FallbackReason). */
export type SkipReason = Exclude<FallbackReason, 'replica-error'>;

export interface ReplicaReadCounts {
  /** Reads sent to this replica (including those that then failed). */
  reads: number;
  /** Reads that failed on it as if it were down, or on a recovery conflict, and ran on the primary. */
  errors: number;
  skipped: Record<SkipReason, number>;
}

/** Monotonic counters for /metrics: Prometheus counters are derived from them at scrape time. */
export class ReadCounters {
  readonly fallbacks: Record<FallbackReason, number> = {
    down: 0,
    lagging: 0,
    'behind-session': 0,
    'replica-error': 0,
  };
  private readonly replicas = new Map<string, ReplicaReadCounts>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      this.replicas.set(name, { reads: 0, errors: 0, skipped: { down: 0, lagging: 0, 'behind-session': 0 } });
    }
  }

  routed(name: string): void {
    this.of(name).reads++;
  }

  skipped(name: string, reason: SkipReason): void {
    this.of(name).skipped[reason]++;
  }

  failed(name: string): void {
    this.of(name).errors++;
    this.fallbacks['replica-error']++;
  }

  fellBack(reason: FallbackReason): void {
    this.fallbacks[reason]++;
  }

  replica(name: string): ReplicaReadCounts {
    const counts = this.of(name);
    return { ...counts, skipped: { ...counts.skipped } };
  }

  private of(name: string): ReplicaReadCounts {
    const counts = this.replicas.get(name);
    if (!counts) throw new Error(`unknown replica ${name}`);
    return counts;
  }
}
