import { SlidingWindowLimiter } from './sliding-window-limiter';

export interface SignUpLimits {
  perIp: number;
  windowMs: number;
}

/**
 * Sign-up is public and every call costs an argon2 hash (tens of milliseconds of CPU), whether or
 * not the email is free: sign-ups are counted per client address, before the hash, in this
 * process's memory.
 */
export class SignUpRateLimiter {
  private readonly byIp: SlidingWindowLimiter;

  constructor(limits: SignUpLimits) {
    this.byIp = new SlidingWindowLimiter(limits.perIp, limits.windowMs);
  }

  /** Records a sign-up and returns 0, or returns the milliseconds to wait and records nothing. */
  attempt(ip: string, now: Date): number {
    const wait = this.byIp.waitMs(ip, now.getTime());
    if (wait === 0) this.byIp.hit(ip, now.getTime());
    return wait;
  }
}
