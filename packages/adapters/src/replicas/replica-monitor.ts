import type { ReplicaRoutingConfig, StandbyState, WalPosition } from '@stratum/prisma';
import { PositionHistory } from './position-history';
import type { PrimaryStatus, ReplicaHealth, ReplicaStatus } from './replica-status';

export interface ProbeTargets {
  primary: (timeoutMs: number) => Promise<WalPosition>;
  replicas: ReadonlyArray<{ name: string; probe: (timeoutMs: number) => Promise<StandbyState> }>;
}

type Clock = () => number;

/**
 * Probes the primary's WAL position and then every replica's replay position, once per probe
 * interval, and judges each replica against the lag bounds. The primary goes first so that a
 * replica keeping up shows no lag at all: the position it is compared with is older than its own.
 * A replica is down from its first failed probe (or failed read), and up again from its first
 * good probe: failing over fast matters more than flapping, which only costs reads on the primary.
 */
export class ReplicaMonitor implements ReplicaHealth {
  private readonly history: PositionHistory;
  private readonly statuses = new Map<string, ReplicaStatus>();
  private readonly failedAt = new Map<string, number>();
  private primaryStatus: PrimaryStatus = {
    reachable: false,
    position: null,
    checkedAt: null,
    error: 'not probed yet',
  };
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private generation = 0;

  constructor(
    private readonly targets: ProbeTargets,
    private readonly routing: ReplicaRoutingConfig,
    private readonly now: Clock = Date.now,
  ) {
    this.history = new PositionHistory(Math.max(2 * routing.maxLagMs, 10 * routing.probeIntervalMs));
    for (const { name } of targets.replicas)
      this.statuses.set(name, downStatus(name, 'not probed yet', null));
  }

  /** Probes at once and then every interval; the timer does not keep the process alive. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // A loop left over from an earlier start() (still awaiting its round) must not carry on.
    const generation = ++this.generation;
    const loop = async () => {
      await this.refresh();
      if (this.running && generation === this.generation) {
        this.timer = setTimeout(loop, this.routing.probeIntervalMs).unref();
      }
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /** One probe round now (joining one under way); resolves when every status is updated. */
  refresh(): Promise<void> {
    return (this.inFlight ??= this.round().finally(() => (this.inFlight = undefined)));
  }

  status(name: string): ReplicaStatus {
    const status = this.statuses.get(name) ?? downStatus(name, 'unknown replica', null);
    // Probes that stopped arriving (monitor stopped, event loop stalled) say nothing about now.
    const staleAfterMs = 3 * (this.routing.probeIntervalMs + this.routing.probeTimeoutMs);
    if (status.state !== 'down' && this.now() - (status.lastSeenAt?.getTime() ?? 0) > staleAfterMs) {
      return { ...status, state: 'down', error: `not probed for more than ${staleAfterMs} ms` };
    }
    return status;
  }

  statusesInOrder(): ReplicaStatus[] {
    return this.targets.replicas.map(({ name }) => this.status(name));
  }

  primary(): PrimaryStatus {
    return this.primaryStatus;
  }

  reportFailure(name: string, error: unknown): void {
    if (!this.statuses.has(name)) return;
    this.failedAt.set(name, this.now());
    const previous = this.statuses.get(name);
    this.statuses.set(name, downStatus(name, messageOf(error), previous?.lastSeenAt ?? null));
  }

  private async round(): Promise<void> {
    const started = this.now();
    const { probeTimeoutMs } = this.routing;
    try {
      const position = await this.targets.primary(probeTimeoutMs);
      this.history.record(position, started);
      this.primaryStatus = { reachable: true, position, checkedAt: new Date(started), error: null };
    } catch (error) {
      // Lag is then judged against the last position seen: replicas that had replayed it keep
      // serving reads while the primary cannot be asked (and can hardly be writing for us).
      this.primaryStatus = {
        ...this.primaryStatus,
        reachable: false,
        checkedAt: new Date(started),
        error: messageOf(error),
      };
    }
    await Promise.all(this.targets.replicas.map((replica) => this.probeReplica(replica.name, replica.probe)));
  }

  private async probeReplica(name: string, probe: ProbeTargets['replicas'][number]['probe']): Promise<void> {
    const started = this.now();
    let status: ReplicaStatus;
    try {
      status = this.judge(name, await probe(this.routing.probeTimeoutMs), started);
    } catch (error) {
      status = downStatus(name, messageOf(error), this.statuses.get(name)?.lastSeenAt ?? null);
    }
    // A read that failed while this probe was under way knows better than the probe's answer.
    if ((this.failedAt.get(name) ?? -Infinity) >= started && status.state !== 'down') return;
    this.statuses.set(name, status);
  }

  private judge(name: string, standby: StandbyState, seenAt: number): ReplicaStatus {
    const lastSeenAt = new Date(seenAt);
    if (!standby.inRecovery) {
      return downStatus(name, 'not in recovery: promoted, or not a standby of the primary', lastSeenAt);
    }
    const replayed = standby.replayPosition;
    if (!replayed) return downStatus(name, 'has replayed nothing yet', lastSeenAt);
    const latest = this.history.latest();
    const lagBytes = latest ? latest.position.bytesAfter(replayed) : null;
    const lag = this.history.lag(replayed);
    const base = {
      name,
      lagBytes,
      lagMs: lag?.ms ?? null,
      replayPosition: replayed,
      replayPaused: standby.replayPaused,
      lastSeenAt,
    };
    if (lagBytes === null || lag === null) {
      return { ...base, state: 'lagging', error: 'lag unknown: the primary has not answered a probe yet' };
    }
    // Behind every position probed, its time behind is unknown: judging it on the lower bound
    // would trust a stuck replica for a while after start-up.
    if (lagBytes > this.routing.maxLagBytes || lag.ms > this.routing.maxLagMs || lag.beyondHistory) {
      return { ...base, state: 'lagging', error: null };
    }
    return { ...base, state: 'up', error: null };
  }
}

function downStatus(name: string, error: string, lastSeenAt: Date | null): ReplicaStatus {
  return {
    name,
    state: 'down',
    lagBytes: null,
    lagMs: null,
    replayPosition: null,
    replayPaused: null,
    lastSeenAt,
    error,
  };
}

/** Prisma's messages start with the call site over several lines; the cause is on the last one. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n').at(-1)?.trim() || message;
}
