import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter';
import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window and says when the oldest one leaves it', () => {
    const limiter = new SlidingWindowLimiter(2, 1_000);
    limiter.hit('k', 0);
    limiter.hit('k', 400);

    expect(limiter.waitMs('k', 500)).toBe(500);
    expect(limiter.waitMs('k', 1_000)).toBe(0);
    expect(limiter.waitMs('other', 500)).toBe(0);
  });

  it('slides: after the oldest hit expires only one slot frees up', () => {
    const limiter = new SlidingWindowLimiter(2, 1_000);
    limiter.hit('k', 0);
    limiter.hit('k', 600);
    limiter.hit('k', 1_000);

    expect(limiter.waitMs('k', 1_100)).toBe(500);
  });

  it('takes back the latest hit on release and forgets the key on reset', () => {
    const limiter = new SlidingWindowLimiter(1, 1_000);
    limiter.hit('k', 0);
    limiter.release('k');
    expect(limiter.waitMs('k', 1)).toBe(0);
    limiter.hit('k', 2);
    limiter.reset('k');
    expect(limiter.waitMs('k', 3)).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping expired and then least recent ones', () => {
    const limiter = new SlidingWindowLimiter(1, 1_000, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 10);
    limiter.hit('c', 20);

    expect(limiter.waitMs('a', 30)).toBe(0);
    expect(limiter.waitMs('c', 30)).toBeGreaterThan(0);
  });
});

describe('LoginRateLimiter', () => {
  it('records nothing for a refused attempt, so waiting out the window is enough', () => {
    const limiter = new LoginRateLimiter({ perEmail: 1, perEmailCeiling: 10, perIp: 10, windowMs: 1_000 });
    expect(limiter.attempt('a@x.example', 'ip', new Date(0))).toBe(0);
    expect(limiter.attempt('a@x.example', 'ip', new Date(500))).toBe(500);

    expect(limiter.attempt('a@x.example', 'ip', new Date(1_000))).toBe(0);
  });
});
