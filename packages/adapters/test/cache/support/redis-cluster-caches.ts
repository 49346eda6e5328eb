import { randomBytes } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { afterAll, afterEach } from 'vitest';
import { createRedisClusterClient } from '../../../src/cache/store/redis-client';
import { RedisCache, type RedisCacheOptions } from '../../../src/cache/store/redis.cache';
import { findRedisBinaries, startRedisCluster, type RedisCluster } from '../../support/redis-cluster';

const lookup = findRedisBinaries();
/** Why the cluster suites are skipped on this machine, or null when they run. */
export const REDIS_CLUSTER_MISSING = 'missing' in lookup ? lookup.missing : null;
export const REDIS_CLUSTER_SKIP_NOTE = REDIS_CLUSTER_MISSING ? ` [skipped: ${REDIS_CLUSTER_MISSING}]` : '';

// Roomy, as for the single server: a loaded machine must not turn a hit into a timeout-bypass.
const RELAXED_TIMEOUT_MS = 1_000;

export interface RedisClusterCaches {
  /** The file's own cluster, started on first use and destroyed after the file's last test. */
  cluster(): Promise<RedisCluster>;
  newPrefix(): string;
  /** A cluster client that has loaded the slot map (closed after the test). */
  client(commandTimeoutMs?: number): Promise<Cluster>;
  cache(options?: Partial<RedisCacheOptions>): Promise<RedisCache>;
}

/**
 * A Redis Cluster (3 masters, 3 replicas) of the test file's own, from the redis-server binary.
 * Nothing else uses it, so it needs no tidying beyond being destroyed.
 */
export function useRedisClusterCaches(file: string): RedisClusterCaches {
  let starting: Promise<RedisCluster> | null = null;
  const opened: Cluster[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  });
  afterAll(async () => {
    const cluster = await starting?.catch(() => null);
    cluster?.destroy();
  });

  const caches: RedisClusterCaches = {
    cluster: () => {
      if ('missing' in lookup) throw new Error(lookup.missing);
      starting ??= startRedisCluster(lookup.found);
      return starting;
    },
    newPrefix: () => `stratum-test:${file}:${randomBytes(4).toString('hex')}`,
    client: async (commandTimeoutMs = RELAXED_TIMEOUT_MS) => {
      const cluster = await caches.cluster();
      const client = createRedisClusterClient(cluster.nodesSetting.split(','), {
        commandTimeoutMs,
        connectTimeoutMs: 1_000,
      });
      opened.push(client);
      await ready(client);
      return client;
    },
    cache: async (options = {}) => {
      const commandTimeoutMs = options.commandTimeoutMs ?? RELAXED_TIMEOUT_MS;
      return new RedisCache(await caches.client(commandTimeoutMs), { ...options, commandTimeoutMs });
    },
  };
  return caches;
}

async function ready(client: Cluster): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve);
    client.once('end', () => reject(new Error('cluster connection ended before it was ready')));
  });
}
