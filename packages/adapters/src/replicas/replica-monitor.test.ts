import { WalPosition, type StandbyState } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { ReplicaMonitor } from './replica-monitor';

const at = (text: string) => WalPosition.parse(text);
const routing = { maxLagBytes: 1_000, maxLagMs: 5_000, probeIntervalMs: 1_000, probeTimeoutMs: 500 };

/** A primary and one standby whose answers the test sets, on a clock the test moves. */
function fixture() {
  const state = {
    clock: 0,
    primary: at('0/1000') as WalPosition | Error,
    standby: { inRecovery: true, replayPosition: at('0/1000'), replayPaused: false } as StandbyState | Error,
  };
  const answer = <T>(value: T | Error) =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
  const monitor = new ReplicaMonitor(
    {
      primary: () => answer(state.primary),
      replicas: [{ name: 'r1', probe: () => answer(state.standby) }],
    },
    routing,
    () => state.clock,
  );
  return { state, monitor };
}

describe('ReplicaMonitor', () => {
  it('counts a replica down until its first probe', () => {
    expect(fixture().monitor.status('r1')).toMatchObject({ state: 'down', error: 'not probed yet' });
  });

  it('sees no lag on an idle primary, however long ago its last write was', async () => {
    const { state, monitor } = fixture();
    await monitor.refresh();
    state.clock += 3_600_000;
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({ state: 'up', lagBytes: 0, lagMs: 0 });
  });

  it('calls a replica lagging when it is too many bytes behind', async () => {
    const { state, monitor } = fixture();
    state.primary = at('0/2000');
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({ state: 'lagging', lagBytes: 0x1000 });
  });

  it('calls a replica lagging when it shows the primary as of too long ago', async () => {
    const { state, monitor } = fixture();
    for (let second = 0; second <= 6; second++) {
      state.clock = second * 1_000;
      state.primary = at(`0/${(0x1000 + second * 0x10).toString(16)}`);
      await monitor.refresh();
    }
    expect(monitor.status('r1')).toMatchObject({ state: 'lagging', lagBytes: 0x60, lagMs: 6_000 });
  });

  it('trusts no replica behind every primary position probed so far', async () => {
    const { state, monitor } = fixture();
    state.primary = at('0/1001');
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({ state: 'lagging', lagBytes: 1, lagMs: 0 });
    state.clock += 1_000;
    state.primary = at('0/1002');
    state.standby = { inRecovery: true, replayPosition: at('0/1001'), replayPaused: false };
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({ state: 'up', lagBytes: 1, lagMs: 1_000 });
  });

  it('marks a replica down when its probe fails and up again when one succeeds', async () => {
    const { state, monitor } = fixture();
    const standby = state.standby;
    state.standby = new Error('connect ECONNREFUSED');
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({ state: 'down', error: 'connect ECONNREFUSED' });
    state.standby = standby;
    await monitor.refresh();
    expect(monitor.status('r1').state).toBe('up');
  });

  it('marks a promoted replica down: it no longer follows the primary', async () => {
    const { state, monitor } = fixture();
    state.standby = { inRecovery: false, replayPosition: null, replayPaused: null };
    await monitor.refresh();
    expect(monitor.status('r1')).toMatchObject({
      state: 'down',
      error: expect.stringMatching(/not in recovery/),
    });
  });

  it('believes a failed read until a later probe says otherwise', async () => {
    const { state, monitor } = fixture();
    await monitor.refresh();
    monitor.reportFailure('r1', new Error('Connection terminated'));
    expect(monitor.status('r1')).toMatchObject({ state: 'down', error: 'Connection terminated' });
    state.clock += 1;
    await monitor.refresh();
    expect(monitor.status('r1').state).toBe('up');
  });

  it('counts a replica down when probes stopped arriving', async () => {
    const { state, monitor } = fixture();
    await monitor.refresh();
    state.clock += 10_000;
    expect(monitor.status('r1')).toMatchObject({ state: 'down', error: expect.stringMatching(/not probed/) });
  });

  it('judges replicas against the last position seen while the primary cannot be asked', async () => {
    const { state, monitor } = fixture();
    await monitor.refresh();
    state.primary = new Error('primary down');
    state.clock += 1_000;
    await monitor.refresh();
    expect(monitor.primary()).toMatchObject({ reachable: false, error: 'primary down' });
    expect(monitor.status('r1')).toMatchObject({ state: 'up', lagBytes: 0 });
  });
});
