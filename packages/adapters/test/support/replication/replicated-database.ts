/**
 * Gives a test file a migrated database on a primary with a streaming hot standby, and the
 * clients on both, built by the same factories the application uses. Stopped and deleted after
 * the file's last test.
 */
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
  readonly replica: ReplicaDatabase;
  /** Stops applying WAL on the standby: it keeps receiving, so it falls behind by exactly what is written. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the standby has replayed everything the primary had written when called. */
  waitForReplay(timeoutMs?: number): Promise<void>;
}

const DATABASE = 'stratum_replica_test';

/** Call inside a describe skipped when findPostgresBinaries() finds none. */
export function useReplicatedDatabase(): ReplicatedDatabase {
  let state: { pair: ReplicationPair; primary: Database; replica: ReplicaDatabase } | undefined;
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
      return current().replica;
    },
    pauseReplay: async () => void (await current().replica.pool.query('SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await current().replica.pool.query('SELECT pg_wal_replay_resume()')),
    waitForReplay: async (timeoutMs = 10_000) => {
      const { primary, replica } = current();
      const target = await probePrimaryPosition(primary.pool, 2_000);
      const deadline = Date.now() + timeoutMs;
      while (!(await probeStandby(replica.pool, 2_000)).replayPosition?.isAtLeast(target)) {
        if (Date.now() > deadline)
          throw new Error(`the standby did not replay up to ${target} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };

  beforeAll(async () => {
    const lookup = findPostgresBinaries();
    if ('missing' in lookup) throw new Error(lookup.missing);
    const pair = await startReplicationPair(lookup.found);
    try {
      await withAdminClient(pair.primary.url('postgres'), (admin) =>
        admin.query(`CREATE DATABASE ${admin.escapeIdentifier(DATABASE)}`),
      );
      // Migrations run on the primary only, as in production; the standby gets them by replay.
      await migrateDeploy(pair.primary.url(DATABASE));
      const config = readDatabaseConfig({ DATABASE_URL: pair.primary.url(DATABASE) });
      const [replicaConfig] = readReplicaConfig(
        { DATABASE_REPLICA_URLS: pair.standby.url(DATABASE) },
        config,
      ).replicas;
      if (!replicaConfig) throw new Error('no replica configured');
      // Stopping the standby is part of the tests: its idle connections dying is expected.
      const [replica] = createReplicaDatabases([replicaConfig], { onPoolError: () => {} });
      state = { pair, primary: createDatabase({ config }), replica: replica as ReplicaDatabase };
      await handle.waitForReplay();
    } catch (error) {
      pair.destroy();
      throw error;
    }
  });
  afterAll(async () => {
    if (!state) return;
    await closeReplicaDatabases([state.replica]);
    await state.primary.close();
    state.pair.destroy();
  });
  return handle;
}
