import type { User } from '@stratum/domain';
import { UserMother } from '@stratum/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterNode, RedisCluster } from '../../support/redis-cluster';
import { cacheWorld, siblingWorld, type CacheWorld } from '../support/cache-world';
import {
  REDIS_CLUSTER_MISSING,
  REDIS_CLUSTER_SKIP_NOTE,
  useRedisClusterCaches,
} from '../support/redis-cluster-caches';

// The outage that only a cluster has: a master dies and its replica takes over its slots
// (cluster-node-timeout is 1 s in the test cluster). Reads must never fail, and no read after the
// failover may return a value older than a write that completed.
const COMMAND_TIMEOUT_MS = 200;
const COOLDOWN_MS = 300;

describe.skipIf(REDIS_CLUSTER_MISSING !== null)(
  `The cache on a Redis Cluster losing a master${REDIS_CLUSTER_SKIP_NOTE}`,
  () => {
    const redis = useRedisClusterCaches('cluster-failover');
    let cluster: RedisCluster;
    let world: CacheWorld;
    const killed: ClusterNode[] = [];

    beforeEach(async () => {
      cluster = await redis.cluster();
      await cluster.waitUntilHealthy();
      world = cacheWorld(
        {
          cache: await redis.cache({ commandTimeoutMs: COMMAND_TIMEOUT_MS, cooldownMs: COOLDOWN_MS }),
          prefix: redis.newPrefix(),
        },
        { leaseWaitMs: 500 },
      );
    });

    // Each test starts from three masters with a replica each: a killed node comes back (as the
    // replica of the one promoted in its place), even when the test failed half-way.
    afterEach(async () => {
      for (const node of killed.splice(0)) cluster.restart(node);
      for (const node of cluster.nodes) cluster.resume(node);
      await cluster.waitUntilHealthy(30_000);
    });

    async function cachedUser(name = 'v0'): Promise<User> {
      const user = UserMother.random({ name });
      await world.database.users.save(user);
      await world.users.findById(user.id);
      expect(world.cache.stats.get('fills')).toBeGreaterThan(0);
      return user;
    }

    const masterOfUser = (user: User) => cluster.masterOf(world.cache.keys.user(user.id.value).key);

    function kill(node: ClusterNode): void {
      killed.push(node);
      cluster.kill(node);
    }

    it('spreads the cached users over every master, so a test of one master is a test of slots moving', async () => {
      const users = await Promise.all(Array.from({ length: 30 }, () => cachedUser()));
      const masters = new Set(await Promise.all(users.map(async (user) => (await masterOfUser(user)).port)));
      expect(masters.size).toBe(3);
    });

    it('answers every read, never older than the last completed write, while a master is killed and its replica promoted', async () => {
      const users = await Promise.all(Array.from({ length: 12 }, () => cachedUser()));
      const victim = await masterOfUser(users[0]!);
      const promoted = await cluster.replicaOf(victim);
      // Version n of a user is named `v<n>`; `committed` is the newest version whose save returned.
      const committed = new Map(users.map((user) => [user.id.value, 0]));
      const failures: string[] = [];
      let running = true;

      const writer = (async () => {
        for (let version = 1; running; version++) {
          for (const user of users) {
            await world.users.save(user.rename(`v${version}`));
            committed.set(user.id.value, version);
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const reader = async () => {
        while (running) {
          // While the breaker is open every read is answered without I/O: yield, or timers starve.
          await new Promise((resolve) => setImmediate(resolve));
          for (const user of users) {
            const floor = committed.get(user.id.value)!;
            try {
              const found = await world.users.findById(user.id);
              const version = Number(found?.name.slice(1));
              if (!(version >= floor)) failures.push(`read ${found?.name} after v${floor} was written`);
            } catch (error) {
              failures.push(`read failed: ${(error as Error).message}`);
            }
          }
        }
      };
      const readers = Array.from({ length: 4 }, reader);

      await new Promise((resolve) => setTimeout(resolve, 300));
      kill(victim);
      await until(
        'the replica is promoted',
        async () => (await masterOfUser(users[0]!)).port === promoted.port,
      );
      await cluster.waitUntilHealthy();
      await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS * 3));
      running = false;
      await Promise.all([writer, ...readers]);

      expect(failures).toEqual([]);
      expect(world.cache.stats.get('bypassed')).toBeGreaterThan(0); // the outage was real
      for (const user of users) {
        expect((await world.users.findById(user.id))?.name).toBe(`v${committed.get(user.id.value)}`);
      }
      // ...and the cache serves the moved slots again, from the promoted replica.
      await until('reads of the moved slots hit the cache again', async () => {
        const hitsBefore = world.cache.stats.get('hits');
        await world.users.findById(users[0]!.id);
        return world.cache.stats.get('hits') > hitsBefore;
      });
      expect((await world.users.findById(users[0]!.id))?.name).toBe(`v${committed.get(users[0]!.id.value)}`);
    });

    it('answers every read in bounded time while a master hangs, then hits it again', async () => {
      const user = await cachedUser();
      const master = await masterOfUser(user);

      cluster.pause(master);
      try {
        const started = performance.now();
        const reads = await Promise.all(Array.from({ length: 20 }, () => world.users.findById(user.id)));
        for (let i = 0; i < 10; i++) reads.push(await world.users.findById(user.id));
        // Well under the 1 s after which the cluster would fail the master over.
        expect(performance.now() - started).toBeLessThan(900);
        expect(reads.every((found) => found?.id.value === user.id.value)).toBe(true);
        expect(world.cache.stats.get('bypassed')).toBeGreaterThan(0);
      } finally {
        cluster.resume(master);
      }

      await until('reads hit the cache again', async () => {
        const hitsBefore = world.cache.stats.get('hits');
        await world.users.findById(user.id);
        return world.cache.stats.get('hits') > hitsBefore;
      });
    });

    it('replays an invalidation the dead master missed onto the promoted replica, which still held the old entry', async () => {
      const user = await cachedUser('before');
      const otherProcess = siblingWorld(world, {
        cache: await redis.cache({ commandTimeoutMs: COMMAND_TIMEOUT_MS, cooldownMs: COOLDOWN_MS }),
        prefix: world.cache.keys.prefix,
      });
      expect((await otherProcess.users.findById(user.id))?.name).toBe('before');
      const victim = await masterOfUser(user);
      const promoted = await cluster.replicaOf(victim);

      kill(victim);
      await world.users.save(user.rename('during the failover'));
      expect(world.cache.stats.get('invalidationsDeferred')).toBe(1);

      await until('the replica is promoted', async () => (await masterOfUser(user)).port === promoted.port);
      await until('the deferred invalidation is replayed', async () => {
        return (await world.cache.health()).pendingInvalidations === 0;
      });
      expect((await otherProcess.users.findById(user.id))?.name).toBe('during the failover');
      expect((await world.users.findById(user.id))?.name).toBe('during the failover');
    });
  },
);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
