import { describe, expect, it } from 'vitest';
import { replicationMetrics } from './replication-metrics';
import type { ReplicationReport } from './replication-report';

describe('replicationMetrics', () => {
  it('labels reads by target and gives each replica its state and lag', () => {
    const report: ReplicationReport = {
      primary: {
        reachable: true,
        position: '0/100',
        checkedAt: null,
        error: null,
        fallbacks: { down: 1, lagging: 2, 'behind-session': 3, 'replica-error': 4 },
      },
      replicas: [
        {
          name: 'db-r1:5432/app',
          state: 'lagging',
          lagBytes: 4096,
          lagSeconds: 7.5,
          replayPosition: '0/F0',
          replayPaused: false,
          lastSeenAt: null,
          error: null,
          reads: 90,
          errors: 4,
          skipped: { down: 1, lagging: 2, 'behind-session': 3 },
        },
      ],
    };
    expect(replicationMetrics(report)).toEqual({
      readsRouted: {
        'primary:down': 1,
        'primary:lagging': 2,
        'primary:behind-session': 3,
        'primary:replica-error': 4,
        'replica:db-r1:5432/app': 90,
      },
      up: { 'db-r1:5432/app': 0 },
      lagBytes: { 'db-r1:5432/app': 4096 },
      lagSeconds: { 'db-r1:5432/app': 7.5 },
    });
  });
});
