import { describe, expect, it } from 'vitest';
import { InvalidStateTransitionError } from '../shared/common.errors';
import { ORDER_STATUSES, assertTransition, canTransition, type OrderStatus } from './order-status';

const allowed: Array<[OrderStatus, OrderStatus]> = [
  ['PENDING', 'CONFIRMED'],
  ['PENDING', 'CANCELLED'],
  ['CONFIRMED', 'SHIPPED'],
  ['CONFIRMED', 'CANCELLED'],
  ['SHIPPED', 'DELIVERED'],
];

describe('order life cycle', () => {
  it.each(allowed)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const forbidden = ORDER_STATUSES.flatMap((from) =>
    ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]),
  ).filter(([from, to]) => !allowed.some(([a, b]) => a === from && b === to));

  it.each(forbidden)('forbids %s -> %s with InvalidStateTransitionError', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      assertTransition(from, to);
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidStateTransitionError);
      expect(error).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from, to });
    }
  });

  it('leaves exactly thirty-one forbidden moves, every move to or from EXPIRED among them', () => {
    expect(forbidden).toHaveLength(31);
    expect(forbidden.filter(([from, to]) => from === 'EXPIRED' || to === 'EXPIRED')).toHaveLength(11);
  });
});
