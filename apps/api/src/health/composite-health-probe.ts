import type { CheckResult, DependencyCheck, HealthProbe, HealthReport } from './health-probe';

const DEFAULT_TIMEOUT_MS = 3_000;

/** Runs every check at once, each bounded by a timeout, so one hung dependency cannot hang /health. */
export class CompositeHealthProbe implements HealthProbe {
  constructor(
    private readonly checks: readonly DependencyCheck[],
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async check(): Promise<HealthReport> {
    const results = await Promise.all(this.checks.map((check) => this.run(check)));
    const checks: Record<string, CheckResult> = {};
    this.checks.forEach((check, index) => (checks[check.name] = results[index]!));
    const failing = this.checks.filter((check) => !checks[check.name]!.ok);
    const status: HealthReport['status'] = failing.some((check) => check.critical)
      ? 'down'
      : failing.length > 0
        ? 'degraded'
        : 'ok';
    return { status, checks };
  }

  private async run(check: DependencyCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, error: `no answer within ${this.timeoutMs} ms` }),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([check.check(), timeout]);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
