import type { AttemptWindow, AttemptWindows, HitResult, WindowLimit } from './attempt-window.port';
import type { InProcessAttemptWindows } from './in-process-attempt-windows';
import type { StoreOutage } from './store-outage';

/**
 * Redis's windows, insured by this process's: when a Redis command fails (Redis down, a timeout,
 * a failover) the hit is counted in memory instead, so limits keep holding per instance (never
 * failing open, never a 500) and come back to the shared count once Redis answers. What was
 * counted in memory meanwhile stays in memory, where it also still counts.
 */
export class InsuredAttemptWindows implements AttemptWindows {
  constructor(
    private readonly primary: AttemptWindows,
    private readonly insurance: InProcessAttemptWindows,
    private readonly outage: StoreOutage,
  ) {}

  window(limit: WindowLimit): AttemptWindow {
    return new InsuredAttemptWindow(this.primary.window(limit), this.insurance.window(limit), this.outage);
  }
}

class InsuredAttemptWindow implements AttemptWindow {
  constructor(
    private readonly primary: AttemptWindow,
    private readonly insurance: AttemptWindow,
    private readonly outage: StoreOutage,
  ) {}

  hit(key: string, now: number): Promise<HitResult> {
    return this.outage.run(
      () => this.primary.hit(key, now),
      () => this.insurance.hit(key, now),
    );
  }

  release(key: string, hitId: string): Promise<void> {
    if (hitId.startsWith('local:')) return this.insurance.release(key, hitId);
    return this.outage.run(
      () => this.primary.release(key, hitId),
      async () => undefined,
    );
  }

  async reset(key: string): Promise<void> {
    await this.insurance.reset(key);
    await this.outage.run(
      () => this.primary.reset(key),
      async () => undefined,
    );
  }
}
