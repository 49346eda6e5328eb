import { describe, expect, it } from 'vitest';
import { turnOrder } from '../src/harness/turn-order';

/** How often each implementation ran right after each other one, within the rounds. */
function followers(count: number, rounds: number): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    const order = turnOrder(count, round);
    for (let i = 1; i < order.length; i++) {
      const pair = `${order[i - 1]}→${order[i]}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

describe('the turn order of a round', () => {
  it.each([2, 3, 4, 5])('gives each of %i implementations one turn per round', (count) => {
    for (let round = 0; round < 12; round++)
      expect([...turnOrder(count, round)].sort()).toEqual([...Array(count).keys()]);
  });

  it.each([
    [2, 2],
    [3, 6],
    [4, 4],
    [5, 10],
  ])(
    'puts each of %i implementations right after every other one equally often over %i rounds',
    (count, rounds) => {
      const pairs = followers(count, rounds);
      expect(pairs.size).toBe(count * (count - 1));
      expect(new Set(pairs.values()).size).toBe(1);
    },
  );

  it('starts each of the first rounds with a different implementation', () => {
    expect([0, 1, 2, 3].map((round) => turnOrder(4, round)[0])).toEqual([0, 1, 2, 3]);
  });
});
