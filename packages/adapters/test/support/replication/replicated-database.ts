/**
 * Gives a test file a migrated database on a primary with streaming hot standbys (one unless
 * asked for more), and the clients on each, built by the same factories the application uses. Stopped and deleted after
 * the file's last test.
 */
import type { ReplicaRoutingConfig } from '@stratum/prisma';
import {
  closeReplicaDatabases,
  createDatabase,
  createReplicaDatabases,
  probePrimaryPosition,
  probeStandby,
  readDatabaseConfig,
  readReplicaConfig,
  type Database,
  type ReplicaDatabase,
} from '@stratum/prisma';
import { findPostgresBinaries, withAdminClient } from '@stratum/postgres-toolkit';
import { migrateDeploy } from '@stratum/prisma/testing';
import { afterAll, beforeAll } from 'vitest';
import { startReplicationPair, type ReplicationPair } from './replication-pair';

export interface ReplicatedDatabase {
  readonly pair: ReplicationPair;
  readonly primary: Database;
  /** The first standby's database. */
  readonly replica: ReplicaDatabase;
  /** Every standby's database, in the order of pair.standbys. */
  readonly replicas: readonly ReplicaDatabase[];
  /** Stops applying WAL on a standby (the first by default): it keeps receiving, so it falls behind by exactly what is written. */
  pauseReplay(replica?: ReplicaDatabase): Promise<void>;
  /** Resumes replay on every standby still in recovery. */
  resumeReplay(): Promise<void>;
  /** Resolves once the standbys (all by default) have replayed everything the primary had written when called. */
  waitForReplay(timeoutMs?: number, replicas?: readonly ReplicaDatabase[]): Promise<void>;
}

const DATABASE = 'stratum_replica_test';

/** Call inside a describe skipped when findPostgresBinaries() finds none. */
export function useReplicatedDatabase(options: { standbys?: number } = {}): ReplicatedDatabase {
  let state: { pair: ReplicationPair; primary: Database; replicas: ReplicaDatabase[] } | undefined;
  const current = () => {
    if (!state) throw new Error('the replicated database exists from beforeAll on');
    return state;
  };
  const handle: ReplicatedDatabase = {
    get pair() {
      return current().pair;
    },
    get primary() {
      return current().primary;
    },
    get replica() {
      return current().replicas[0]!;
    },
    get replicas() {
      return current().replicas;
    },
    pauseReplay: async (replica = handle.replica) =>
      void (await replica.pool.query('SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => {
      // A promoted standby has no replay to resume; a stopped one is started again by its test.
      await Promise.all(
        current().replicas.map((replica) =>
          replica.pool.query('SELECT pg_wal_replay_resume() WHERE pg_is_in_recovery()'),
        ),
      );
    },
    waitForReplay: async (timeoutMs = 10_000, replicas = current().replicas) => {
      const target = await probePrimaryPosition(current().primary.pool, 2_000);
      const deadline = Date.now() + timeoutMs;
      for (const replica of replicas) {
        while (!(await probeStandby(replica.pool, 2_000)).replayPosition?.isAtLeast(target)) {
          if (Date.now() > deadline)
            throw new Error(`${replica.name} did not replay up to ${target} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    },
  };

  beforeAll(async () => {
    const lookup = findPostgresBinaries();
    if ('missing' in lookup) throw new Error(lookup.missing);
    const pair = await startReplicationPair(lookup.found, options);
    try {
      await withAdminClient(pair.primary.url('postgres'), (admin) =>
        admin.query(`CREATE DATABASE ${admin.escapeIdentifier(DATABASE)}`),
      );
      // Migrations run on the primary only, as in production; the standby gets them by replay.
      await migrateDeploy(pair.primary.url(DATABASE));
      const config = readDatabaseConfig({ DATABASE_URL: pair.primary.url(DATABASE) });
      const replicaConfigs = readReplicaConfig(
        { DATABASE_REPLICA_URLS: pair.standbys.map((standby) => standby.url(DATABASE)).join(',') },
        config,
      ).replicas;
      // Stopping a standby is part of the tests: its idle connections dying is expected.
      const replicas = createReplicaDatabases(replicaConfigs, { onPoolError: () => {} });
      state = { pair, primary: createDatabase({ config }), replicas };
      await handle.waitForReplay();
    } catch (error) {
      pair.destroy();
      throw error;
    }
  });
  afterAll(async () => {
    if (!state) return;
    await closeReplicaDatabases(state.replicas);
    await state.primary.close();
    state.pair.destroy();
  });
  return handle;
}

/** Why no replica can be started here (no PostgreSQL server binaries), or null. */
export function replicaSkipReason(): string | null {
  const lookup = findPostgresBinaries();
  return 'missing' in lookup ? lookup.missing : null;
}

/**
 * Generous bounds, so that only what a test does makes a standby lag. Probes run when a test asks
 * (monitor.refresh()), never behind its back: on a loaded machine a background probe that times
 * out would mark a standby down in the middle of a test about something else.
 */
export const ON_DEMAND_ROUTING: ReplicaRoutingConfig = {
  maxLagBytes: 16 * 1024 * 1024,
  maxLagMs: 60_000,
  probeIntervalMs: 600_000,
  probeTimeoutMs: 5_000,
};
