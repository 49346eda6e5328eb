import type { PrismaClient, WalPosition } from '@stratum/prisma';
import { createReadClient, primaryReadClient, type RoutedReadClient } from './read-client';
import { ReadCounters, type SkipReason } from './read-counters';
import type { ReadSession } from './read-session';
import type { ReadTarget, ReadTargetSelector, RoutedReplica } from './read-target.port';
import type { ReplicaFailure } from './replica-failure';
import type { ReplicaHealth, ReplicaStatus } from './replica-status';

export interface ReadRouterDependencies {
  primary: PrismaClient;
  replicas: readonly RoutedReplica[];
  health: ReplicaHealth;
  /** The primary's WAL position after a write (see readWriteToken). */
  writePosition: () => Promise<WalPosition>;
}

/** Mildest first: the reason given for a fallback is the one of the replica closest to serving. */
const SKIP_ORDER: readonly SkipReason[] = ['behind-session', 'lagging', 'down'];

/**
 * Decides, read by read, which server answers: a replica that is up, within the lag bounds and
 * (for a session that has written) past the session's floor, taking turns among those; else the
 * primary, counting why.
 */
export class ReadRouter implements ReadTargetSelector {
  readonly counters: ReadCounters;
  private turn = 0;
  private primaryOnly: RoutedReadClient | null = null;

  constructor(private readonly deps: ReadRouterDependencies) {
    this.counters = new ReadCounters(deps.replicas.map((replica) => replica.name));
  }

  /**
   * The client a request's repositories use for their pure reads. Routing happens per query, so
   * a read after `recordWrite` in the same request already honours the new floor. Without
   * replicas, or for a primary-only session, every query runs on the primary. Either way it has
   * `$replica()` and `$primary()`, as @prisma/extension-read-replicas' client does.
   */
  client(session: ReadSession): RoutedReadClient {
    if (session.mode === 'primary' || this.deps.replicas.length === 0) {
      return (this.primaryOnly ??= primaryReadClient(this.deps.primary));
    }
    return createReadClient(this.deps.primary, this, session);
  }

  /**
   * Call after a write commits: later reads of the session see it (one query on the primary).
   * Never fails the request whose write has already succeeded: if the position cannot be read,
   * the session is pinned to the primary instead.
   */
  async recordWrite(session: ReadSession): Promise<void> {
    if (session.mode === 'primary' || this.deps.replicas.length === 0) return;
    try {
      session.observeWrite(await this.deps.writePosition());
    } catch {
      session.pinToPrimary();
    }
  }

  route(session: ReadSession): ReadTarget {
    if (session.mode === 'primary') return { target: 'primary' };
    const floor = session.minPosition;
    const eligible: RoutedReplica[] = [];
    let closest: SkipReason | null = null;
    for (const replica of this.deps.replicas) {
      const reason = skipReason(this.deps.health.status(replica.name), floor);
      if (reason === null) {
        eligible.push(replica);
        continue;
      }
      this.counters.skipped(replica.name, reason);
      if (closest === null || SKIP_ORDER.indexOf(reason) < SKIP_ORDER.indexOf(closest)) closest = reason;
    }
    const replica = eligible[this.turn % Math.max(eligible.length, 1)];
    if (!replica) {
      if (closest !== null) this.counters.fellBack(closest);
      return { target: 'primary' };
    }
    this.turn = (this.turn + 1) % 1_000_000;
    this.counters.routed(replica.name);
    return { target: 'replica', replica };
  }

  replicaFailed(name: string, failure: ReplicaFailure, error: unknown): void {
    this.counters.failed(name);
    if (failure === 'unavailable') this.deps.health.reportFailure(name, error);
  }
}

function skipReason(status: ReplicaStatus, floor: WalPosition | null): SkipReason | null {
  if (status.state === 'down') return 'down';
  if (status.state === 'lagging') return 'lagging';
  if (floor && !status.replayPosition?.isAtLeast(floor)) return 'behind-session';
  return null;
}
