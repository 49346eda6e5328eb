import type { WalPosition } from '@stratum/prisma';

/**
 * - `up`: answering, a standby, and within both lag bounds: it gets reads.
 * - `lagging`: answering but further behind the primary than allowed (or by how much is unknown
 *   because the primary could not be asked): no reads until it catches up.
 * - `down`: not answering, not a standby any more, or not probed recently: no reads.
 */
export type ReplicaState = 'up' | 'lagging' | 'down';

export interface ReplicaStatus {
  name: string;
  state: ReplicaState;
  /** Bytes of WAL the primary had written that the replica had not replayed, at the last probe. */
  lagBytes: number | null;
  /** How long ago the primary was at the replica's replay position (see PositionHistory). */
  lagMs: number | null;
  replayPosition: WalPosition | null;
  replayPaused: boolean | null;
  /** When the replica last answered a probe. */
  lastSeenAt: Date | null;
  error: string | null;
}

export interface PrimaryStatus {
  reachable: boolean;
  position: WalPosition | null;
  checkedAt: Date | null;
  error: string | null;
}

/** What the router needs to know about replicas, separated from probing so tests can fake it. */
export interface ReplicaHealth {
  status(name: string): ReplicaStatus;
  /** A read on the replica failed as if it were down: believe that until a later probe says otherwise. */
  reportFailure(name: string, error: unknown): void;
}
