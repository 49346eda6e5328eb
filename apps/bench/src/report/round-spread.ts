/**
 * A run measures each implementation in several rounds, each round with the same inputs
 * for every implementation. The ratio of two implementations' figures round by round shows how
 * far one run's pooled ratio can be trusted: on a 2-core machine a pooled ratio moves by up to
 * ±15 % between quiet runs, and a target that lies within the rounds' spread is not settled by it.
 */
export interface RoundSpread {
  low: number;
  high: number;
  rounds: number;
}

/** subject[i] / base[i] for each round both measured; null with fewer than two such rounds. */
export function roundRatios(subject: readonly number[], base: readonly number[]): number[] | null {
  if (subject.length !== base.length || subject.length < 2) return null;
  const ratios: number[] = [];
  for (let i = 0; i < subject.length; i++) {
    const denominator = base[i]!;
    if (denominator > 0) ratios.push(subject[i]! / denominator);
  }
  return ratios.length >= 2 ? ratios : null;
}

export function spreadOf(ratios: readonly number[] | null): RoundSpread | null {
  if (!ratios || ratios.length < 2) return null;
  return { low: Math.min(...ratios), high: Math.max(...ratios), rounds: ratios.length };
}

/** Whether `factor` lies between the lowest and the highest round: this run cannot tell which side it is on. */
export function spans(spread: RoundSpread | null, factor: number): boolean {
  return spread !== null && spread.low <= factor && factor <= spread.high;
}

export function formatSpread(spread: RoundSpread | null): string {
  return spread ? `${spread.low.toFixed(2)}–${spread.high.toFixed(2)}` : '';
}
