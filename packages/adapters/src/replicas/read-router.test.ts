import { WalPosition, type PrismaClient } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { ReadRouter } from './read-router';
import { ReadSession } from './read-session';
import type { ReplicaHealth, ReplicaState, ReplicaStatus } from './replica-status';

const at = (text: string) => WalPosition.parse(text);
// Enough of a client for routing: a label, and $extends applying the client methods it is given.
const client = (label: string): PrismaClient => {
  const fake = {
    label,
    $extends: (extension: { client?: object }) => ({ ...fake, ...extension.client }),
  };
  return fake as unknown as PrismaClient;
};

/** Replica health the test sets directly, recording the failures reported to it. */
class FakeHealth implements ReplicaHealth {
  readonly failures: string[] = [];
  private readonly states = new Map<string, Partial<ReplicaStatus>>();

  set(name: string, state: ReplicaState, replayPosition = '0/100'): void {
    this.states.set(name, { state, replayPosition: at(replayPosition) });
  }

  status(name: string): ReplicaStatus {
    return {
      name,
      state: 'down',
      lagBytes: null,
      lagMs: null,
      replayPosition: null,
      replayPaused: null,
      lastSeenAt: null,
      error: null,
      ...this.states.get(name),
    };
  }

  reportFailure(name: string): void {
    this.failures.push(name);
  }
}

function routerWith(names: string[], writePosition = async () => at('0/200')) {
  const health = new FakeHealth();
  const primary = client('primary');
  const router = new ReadRouter({
    primary,
    replicas: names.map((name) => ({ name, prisma: client(name) })),
    health,
    writePosition,
  });
  const target = (session = ReadSession.readYourWrites()) => {
    const route = router.route(session);
    return route.target === 'primary' ? 'primary' : route.replica.name;
  };
  return { health, primary, router, target };
}

describe('ReadRouter', () => {
  it('takes turns among the replicas that are up', () => {
    const { health, target } = routerWith(['r1', 'r2']);
    health.set('r1', 'up');
    health.set('r2', 'up');
    expect([target(), target(), target(), target()]).toEqual(['r1', 'r2', 'r1', 'r2']);
  });

  it('passes over a replica that is down or lagging, and counts why', () => {
    const { health, router, target } = routerWith(['r1', 'r2']);
    health.set('r1', 'down');
    health.set('r2', 'lagging');
    expect(target()).toBe('primary');
    health.set('r2', 'up');
    expect(target()).toBe('r2');
    expect(router.counters.fallbacks).toMatchObject({ lagging: 1, down: 0 });
    expect(router.counters.replica('r1')).toMatchObject({ reads: 0, skipped: { down: 2 } });
    expect(router.counters.replica('r2')).toMatchObject({ reads: 1, skipped: { lagging: 1 } });
  });

  it('serves a session that has written only from a replica that has replayed the write', async () => {
    const { health, router, target } = routerWith(['r1']);
    health.set('r1', 'up', '0/1FF');
    const session = ReadSession.readYourWrites();
    expect(target(session)).toBe('r1');
    await router.recordWrite(session);
    expect(session.token()).toBe('0/200');
    expect(target(session)).toBe('primary');
    expect(router.counters.fallbacks['behind-session']).toBe(1);
    health.set('r1', 'up', '0/200');
    expect(target(session)).toBe('r1');
    expect(target(ReadSession.readYourWrites('0/201'))).toBe('primary');
  });

  it('gives the reason of the replica closest to serving when none can', () => {
    const { health, router, target } = routerWith(['r1', 'r2']);
    health.set('r1', 'down');
    health.set('r2', 'up', '0/1');
    expect(target(ReadSession.readYourWrites('0/2'))).toBe('primary');
    expect(router.counters.fallbacks).toMatchObject({ 'behind-session': 1, down: 0 });
  });

  it('hands out the primary for a primary-only session or without replicas, $replica() included', () => {
    const withReplica = routerWith(['r1']);
    const primaryOnly = withReplica.router.client(ReadSession.primaryOnly());
    expect(primaryOnly).toMatchObject({ label: 'primary' });
    expect(primaryOnly.$primary()).toBe(withReplica.primary);
    expect(primaryOnly.$replica()).toBe(withReplica.primary);
    expect(withReplica.target(ReadSession.primaryOnly())).toBe('primary');
    const alone = routerWith([]);
    expect(alone.router.client(ReadSession.readYourWrites()).$replica()).toBe(alone.primary);
  });

  it('asks the primary for a write position only when a replica could be read', async () => {
    const session = ReadSession.readYourWrites();
    await routerWith([]).router.recordWrite(session);
    expect(session.token()).toBeNull();
  });

  it('pins a session to the primary when its write position cannot be read', async () => {
    const { health, router, target } = routerWith(['r1'], () => Promise.reject(new Error('pool timeout')));
    health.set('r1', 'up');
    const session = ReadSession.readYourWrites();
    await router.recordWrite(session);
    expect(session.mode).toBe('primary');
    expect(target(session)).toBe('primary');
  });

  it('marks a replica down when a read finds it unavailable, not on a recovery conflict', () => {
    const { health, router } = routerWith(['r1']);
    router.replicaFailed('r1', 'recovery-conflict', new Error('conflict with recovery'));
    router.replicaFailed('r1', 'unavailable', new Error('ECONNREFUSED'));
    expect(health.failures).toEqual(['r1']);
    expect(router.counters.replica('r1').errors).toBe(2);
    expect(router.counters.fallbacks['replica-error']).toBe(2);
  });
});

describe('ReadSession', () => {
  it('ignores a malformed token rather than failing the request', () => {
    expect(ReadSession.readYourWrites('garbage').minPosition).toBeNull();
  });

  it('never lowers its floor', () => {
    const session = ReadSession.readYourWrites('0/200');
    session.observeWrite(at('0/100'));
    expect(session.token()).toBe('0/200');
  });
});
