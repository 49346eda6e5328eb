import type { AttemptWindow, AttemptWindows } from '@stratum/adapters';

export interface SignUpLimits {
  perIp: number;
  windowMs: number;
}

/**
 * Sign-up is public and every call costs an argon2 hash (tens of milliseconds of CPU), whether or
 * not the email is free: sign-ups are counted per client address, before the hash, wherever the
 * AttemptWindows count (this process, or Redis for every instance).
 */
export class SignUpRateLimiter {
  private readonly byIp: AttemptWindow;

  constructor(windows: AttemptWindows, limits: SignUpLimits) {
    this.byIp = windows.window({ name: 'sign-up-ip', limit: limits.perIp, windowMs: limits.windowMs });
  }

  /** Records a sign-up and returns 0, or returns the milliseconds to wait and records nothing. */
  async attempt(ip: string, now: Date): Promise<number> {
    const result = await this.byIp.hit(ip, now.getTime());
    return result.allowed ? 0 : result.waitMs;
  }
}
