import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/cache/store/circuit-breaker';
import { PendingInvalidations } from '../../../src/cache/store/pending-invalidations';

describe('CircuitBreaker', () => {
  function breaker() {
    const clock = { now: 0 };
    return {
      clock,
      breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => clock.now }),
    };
  }

  it('stays closed through fewer failures in a row than the threshold', () => {
    const { breaker: subject } = breaker();
    subject.failure();
    subject.failure();
    subject.success();
    subject.failure();
    subject.failure();
    expect(subject.state).toBe('closed');
    expect(subject.tryAcquire()).toBe(true);
  });

  it('opens after the threshold and skips everything during the cooldown', () => {
    const { clock, breaker: subject } = breaker();
    for (let i = 0; i < 3; i++) subject.failure();
    clock.now = 999;
    expect(subject.state).toBe('open');
    expect(subject.tryAcquire()).toBe(false);
  });

  it('lets one trial through after the cooldown, and closes when it succeeds', () => {
    const { clock, breaker: subject } = breaker();
    for (let i = 0; i < 3; i++) subject.failure();
    clock.now = 1_000;
    expect(subject.tryAcquire()).toBe(true);
    expect(subject.tryAcquire()).toBe(false);
    subject.success();
    expect(subject.state).toBe('closed');
  });

  it('opens again for a full cooldown when the trial fails', () => {
    const { clock, breaker: subject } = breaker();
    for (let i = 0; i < 3; i++) subject.failure();
    clock.now = 1_000;
    subject.tryAcquire();
    subject.failure();
    clock.now = 1_999;
    expect(subject.state).toBe('open');
  });
});

describe('PendingInvalidations', () => {
  it('keeps each key once and forgets exactly what a replay applied', () => {
    const pending = new PendingInvalidations(10);
    pending.add({ keys: ['a', 'b'], namespaces: ['ns'] });
    const replay = pending.take();
    pending.add({ keys: ['b', 'c'], namespaces: [] }); // queued again while the replay ran
    replay.applied();

    expect(replay.invalidation).toEqual({ keys: ['a', 'b'], namespaces: ['ns'] });
    expect(pending.take().invalidation).toEqual({ keys: ['b', 'c'], namespaces: [] });
  });

  it('drops keys beyond its capacity and says how many', () => {
    const pending = new PendingInvalidations(2);
    expect(pending.add({ keys: ['a', 'b', 'c', 'd'], namespaces: [] })).toBe(2);
    expect(pending.size).toBe(2);
  });
});
