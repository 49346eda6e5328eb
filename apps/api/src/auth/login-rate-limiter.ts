import type { AttemptWindow, AttemptWindows, HitResult } from '@stratum/adapters';

export interface LoginLimits {
  /** Failures per (email, client address): what locks a guesser out. */
  perEmail: number;
  /** Failures per email from all addresses together; past it, attempts are spaced, not refused. */
  perEmailCeiling: number;
  /** Failures per client address across emails. */
  perIp: number;
  windowMs: number;
}

/** An attempt let through: the password is checked next, and if it was right, `succeeded()`. */
export interface LoginAttempt {
  /** The attempt was legitimate: it no longer counts, and the pair's failures are forgotten. */
  succeeded(): Promise<void>;
}

/**
 * Limits password guesses per account and client (against targeted guessing), per account over
 * all clients (against guessing spread over many addresses) and per client address (against one
 * source trying many accounts). Failures are counted per (email, client) so that a stranger's bad
 * passwords cannot lock the owner out; the per-email ceiling only slows every client down to one
 * attempt per window/ceiling. An attempt is counted before the password is checked, so a burst of
 * parallel requests cannot all slip past the limit; a successful login then takes it back. Where
 * the counts live (this process, or Redis for every instance) is the AttemptWindows' business.
 */
export class LoginRateLimiter {
  private readonly byEmailAndIp: AttemptWindow;
  private readonly byEmail: AttemptWindow;
  private readonly byIp: AttemptWindow;

  constructor(windows: AttemptWindows, limits: LoginLimits) {
    const { windowMs } = limits;
    this.byEmailAndIp = windows.window({ name: 'login-email-ip', limit: limits.perEmail, windowMs });
    this.byEmail = windows.window({
      name: 'login-email',
      limit: limits.perEmailCeiling,
      windowMs,
      spacingMs: Math.ceil(windowMs / limits.perEmailCeiling),
    });
    this.byIp = windows.window({ name: 'login-ip', limit: limits.perIp, windowMs });
  }

  /**
   * Records an attempt on every count, or none: when one refuses, the others' hits are taken back.
   * @returns the attempt, or the milliseconds to wait before the next.
   */
  async attempt(email: string, ip: string, now: Date): Promise<LoginAttempt | { waitMs: number }> {
    const at = now.getTime();
    const pair = pairKey(email, ip);
    const counts: [AttemptWindow, string][] = [
      [this.byEmailAndIp, pair],
      [this.byEmail, email],
      [this.byIp, ip],
    ];
    const results = await Promise.all(counts.map(([window, key]) => window.hit(key, at)));
    const waitMs = Math.max(...results.map((result) => (result.allowed ? 0 : result.waitMs)));
    if (waitMs > 0) {
      await Promise.all(results.map((result, i) => release(counts[i]!, result)));
      return { waitMs };
    }
    return {
      succeeded: async () => {
        await Promise.all([
          this.byEmailAndIp.reset(pair),
          release(counts[1]!, results[1]!),
          release(counts[2]!, results[2]!),
        ]);
      },
    };
  }
}

async function release([window, key]: [AttemptWindow, string], result: HitResult): Promise<void> {
  if (result.allowed) await window.release(key, result.hitId);
}

// Unambiguous whatever the email holds: no (email, address) pair can pose as another.
function pairKey(email: string, ip: string): string {
  return JSON.stringify([email, ip]);
}
