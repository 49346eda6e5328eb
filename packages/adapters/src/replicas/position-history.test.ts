import { WalPosition } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { PositionHistory } from './position-history';

const at = (text: string) => WalPosition.parse(text);

describe('PositionHistory', () => {
  it('knows no lag before the first sample', () => {
    expect(new PositionHistory(10_000).lag(at('0/10'))).toBeNull();
  });

  it('reports no lag for a replica at the latest position, however old that position is', () => {
    const history = new PositionHistory(10_000);
    history.record(at('0/100'), 1_000);
    history.record(at('0/100'), 60_000);
    expect(history.lag(at('0/100'))).toEqual({ ms: 0, beyondHistory: false });
  });

  it('measures lag from when the primary was last at or below the replayed position', () => {
    const history = new PositionHistory(10_000);
    history.record(at('0/100'), 1_000);
    history.record(at('0/200'), 2_000);
    history.record(at('0/300'), 3_000);
    expect(history.lag(at('0/250'))).toEqual({ ms: 1_000, beyondHistory: false });
    expect(history.lag(at('0/100'))).toEqual({ ms: 2_000, beyondHistory: false });
  });

  it('gives a lower bound for a replica behind every sample kept, and forgets old samples', () => {
    const history = new PositionHistory(2_000);
    for (let second = 1; second <= 10; second++) history.record(at(`0/${second}00`), second * 1_000);
    expect(history.lag(at('0/50'))).toEqual({ ms: 2_000, beyondHistory: true });
  });
});
