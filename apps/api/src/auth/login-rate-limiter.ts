import { SlidingWindowLimiter } from './sliding-window-limiter';

export interface LoginLimits {
  perEmail: number;
  perIp: number;
  windowMs: number;
}

/**
 * Limits password guesses per account (against targeted guessing) and per client address
 * (against one source trying many accounts). An attempt is counted before the password is
 * checked, so a burst of parallel requests cannot all slip past the limit; a successful login
 * then takes its attempt back and clears the account's count.
 */
export class LoginRateLimiter {
  private readonly byEmail: SlidingWindowLimiter;
  private readonly byIp: SlidingWindowLimiter;

  constructor(limits: LoginLimits) {
    this.byEmail = new SlidingWindowLimiter(limits.perEmail, limits.windowMs);
    this.byIp = new SlidingWindowLimiter(limits.perIp, limits.windowMs);
  }

  /** Records an attempt and returns 0, or returns the milliseconds to wait and records nothing. */
  attempt(email: string, ip: string, now: Date): number {
    const at = now.getTime();
    const wait = Math.max(this.byEmail.waitMs(email, at), this.byIp.waitMs(ip, at));
    if (wait > 0) return wait;
    this.byEmail.hit(email, at);
    this.byIp.hit(ip, at);
    return 0;
  }

  succeeded(email: string, ip: string): void {
    this.byEmail.reset(email);
    this.byIp.release(ip);
  }
}
