import type { WalPosition } from '@stratum/prisma';

interface Sample {
  position: WalPosition;
  at: number;
}

/**
 * Recent WAL positions of the primary and when they were seen, to turn a replica's replay
 * position into time behind. `now() - pg_last_xact_replay_timestamp()` would do that badly: on an
 * idle primary the last transaction is old although the replica misses nothing, and it mixes two
 * servers' clocks. Here a replica that has replayed the position the primary had at time t shows
 * everything committed before t, measured on our own clock, to within one probe interval.
 */
export class PositionHistory {
  private readonly samples: Sample[] = [];

  constructor(private readonly keepMs: number) {}

  /** `at` is when the question was sent, before which every commit is at or below `position`. */
  record(position: WalPosition, at: number): void {
    this.samples.push({ position, at });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > this.keepMs) this.samples.shift();
  }

  latest(): Sample | null {
    return this.samples.at(-1) ?? null;
  }

  /**
   * How far behind the latest sample a replica at `replayed` is: 0 when it has replayed the latest
   * position. Behind every sample kept, `ms` is only a lower bound (`beyondHistory`), which right
   * after start-up may be far below the truth.
   */
  lag(replayed: WalPosition): { ms: number; beyondHistory: boolean } | null {
    const latest = this.latest();
    if (!latest) return null;
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const sample = this.samples[i];
      if (sample && replayed.isAtLeast(sample.position))
        return { ms: latest.at - sample.at, beyondHistory: false };
    }
    return { ms: latest.at - (this.samples[0]?.at ?? latest.at), beyondHistory: true };
  }
}
