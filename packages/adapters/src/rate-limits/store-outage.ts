/**
 * Whether the shared store (Redis) is to be tried, and what to do when it fails: after a failure
 * the fallback answers alone for `cooldownMs`, so a hung Redis costs one command timeout per
 * cooldown, not one per request. `onOutage` hears of the first failure after a good spell.
 */
export class StoreOutage {
  private downUntil = 0;
  private down = false;

  constructor(
    private readonly cooldownMs: number,
    private readonly onOutage: (error: unknown) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.now() < this.downUntil) return fallback();
    let result: T;
    try {
      result = await primary();
    } catch (error) {
      if (!this.down) this.onOutage(error);
      this.down = true;
      this.downUntil = this.now() + this.cooldownMs;
      return fallback();
    }
    this.down = false;
    return result;
  }
}
