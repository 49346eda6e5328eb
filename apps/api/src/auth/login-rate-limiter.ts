import { SlidingWindowLimiter } from './sliding-window-limiter';

export interface LoginLimits {
  /** Failures per (email, client address): what locks a guesser out. */
  perEmail: number;
  /** Failures per email from all addresses together; past it, attempts are spaced, not refused. */
  perEmailCeiling: number;
  /** Failures per client address across emails. */
  perIp: number;
  windowMs: number;
}

/**
 * Limits password guesses per account and client (against targeted guessing), per account over
 * all clients (against guessing spread over many addresses) and per client address (against one
 * source trying many accounts). Failures are counted per (email, client) so that a stranger's bad
 * passwords cannot lock the owner out; the per-email ceiling only slows every client down to one
 * attempt per window/ceiling. An attempt is counted before the password is checked, so a burst of
 * parallel requests cannot all slip past the limit; a successful login then takes it back.
 */
export class LoginRateLimiter {
  private readonly byEmailAndIp: SlidingWindowLimiter;
  private readonly byEmail: SlidingWindowLimiter;
  private readonly byIp: SlidingWindowLimiter;
  private readonly emailSpacingMs: number;

  constructor(limits: LoginLimits) {
    this.byEmailAndIp = new SlidingWindowLimiter(limits.perEmail, limits.windowMs);
    this.byEmail = new SlidingWindowLimiter(limits.perEmailCeiling, limits.windowMs);
    this.byIp = new SlidingWindowLimiter(limits.perIp, limits.windowMs);
    this.emailSpacingMs = Math.ceil(limits.windowMs / limits.perEmailCeiling);
  }

  /** Records an attempt and returns 0, or returns the milliseconds to wait and records nothing. */
  attempt(email: string, ip: string, now: Date): number {
    const at = now.getTime();
    const pair = pairKey(email, ip);
    const wait = Math.max(
      this.byEmailAndIp.waitMs(pair, at),
      this.byEmail.paceMs(email, at, this.emailSpacingMs),
      this.byIp.waitMs(ip, at),
    );
    if (wait > 0) return wait;
    this.byEmailAndIp.hit(pair, at);
    this.byEmail.hit(email, at);
    this.byIp.hit(ip, at);
    return 0;
  }

  succeeded(email: string, ip: string): void {
    this.byEmailAndIp.reset(pairKey(email, ip));
    this.byEmail.release(email);
    this.byIp.release(ip);
  }
}

function pairKey(email: string, ip: string): string {
  return `${email}\n${ip}`;
}
