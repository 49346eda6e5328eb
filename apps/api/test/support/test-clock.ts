import type { Clock } from '../../src/config/clock';

/** Real time plus an offset that tests move forward, to expire sessions or rate-limit windows. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
