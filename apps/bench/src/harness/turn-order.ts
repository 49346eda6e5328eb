/**
 * The order in which `count` implementations take their turns in round `round`: a Williams
 * design, in which over `count` rounds (twice as many for an odd count) every implementation runs
 * right after every other one equally often. A slice inherits some of what ran before it (garbage
 * to collect, a busy PostgreSQL, a cold cache); with a plain rotation each implementation always
 * followed the same one, so that inheritance favoured the same implementation in every round.
 */
export function turnOrder(count: number, round: number): number[] {
  if (count <= 0) return [];
  // The first row 0, 1, n-1, 2, n-2, …; row k adds k to each, modulo n.
  const first: number[] = [0];
  for (let step = 1; first.length < count; step++) {
    first.push(step);
    if (first.length < count) first.push(count - step);
  }
  const rows = count % 2 === 0 ? count : 2 * count;
  const row = round % rows;
  const shifted = first.map((index) => (index + row) % count);
  // An odd count needs the mirrored rows as well to balance who follows whom.
  return row >= count ? shifted.reverse() : shifted;
}
