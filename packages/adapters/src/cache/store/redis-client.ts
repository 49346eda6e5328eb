import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { CacheConfig } from '../cache-config';

export interface RedisClientOptions {
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

/** The configured Redis: a Cluster when its nodes are given, else one Redis when a URL is, else none. */
export function redisClientFor(
  config: Pick<CacheConfig, 'redisUrl' | 'redisClusterNodes' | 'redisCommandTimeoutMs'>,
): Redis | Cluster | null {
  const connection = { commandTimeoutMs: config.redisCommandTimeoutMs, connectTimeoutMs: 1_000 };
  if (config.redisClusterNodes) return createRedisClusterClient(config.redisClusterNodes, connection);
  if (config.redisUrl) return createRedisClient(config.redisUrl, connection);
  return null;
}

/**
 * A client that fails fast instead of waiting for Redis: no offline queue (a command while
 * disconnected fails at once), a short command timeout, and no resending of unanswered commands
 * after a reconnect (a fill or delete arriving seconds late is not what the caller asked for).
 * It keeps reconnecting in the background, so the cache comes back by itself.
 */
export function createRedisClient(url: string, options: RedisClientOptions): Redis {
  return new Redis(url, {
    ...failFast(options),
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}

/**
 * The same fail-fast client on a Redis Cluster. Every command goes to the master of its key's slot
 * (`scaleReads: 'master'`): a lookup may take a lease, so it writes, and a replica's copy may miss
 * an invalidation the master already applied. A failover is followed by the client itself: a
 * refused connection or a MOVED reply makes it reload the slot map, and until then the cache
 * answers "unavailable" and reads go to the database, as in any Redis outage.
 */
export function createRedisClusterClient(nodes: readonly string[], options: RedisClientOptions): Cluster {
  const { startupNodes, shared } = parseClusterNodes(nodes);
  const clusterOptions: ClusterOptions = {
    scaleReads: 'master',
    enableOfflineQueue: false,
    // A redirect during resharding or failover is followed a few times, each after a short pause.
    maxRedirections: 6,
    retryDelayOnFailover: 50,
    retryDelayOnClusterDown: 50,
    retryDelayOnTryAgain: 50,
    retryDelayOnMoved: 0,
    slotsRefreshTimeout: options.connectTimeoutMs,
    // Besides the refresh a failure or a MOVED triggers: catches a failover no command has noticed.
    slotsRefreshInterval: 2_000,
    clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    redisOptions: { ...failFast(options), ...shared },
  };
  return new Cluster(startupNodes, clusterOptions);
}

function failFast(options: RedisClientOptions) {
  return {
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  } satisfies RedisOptions;
}

/** `host:port` or `redis(s)://[user:password@]host:port`; the first URL's credentials and TLS apply to every node. */
function parseClusterNodes(nodes: readonly string[]): {
  startupNodes: { host: string; port: number }[];
  shared: Pick<RedisOptions, 'username' | 'password' | 'tls'>;
} {
  if (nodes.length === 0) throw new Error('a Redis Cluster needs at least one startup node');
  let shared: Pick<RedisOptions, 'username' | 'password' | 'tls'> | null = null;
  const startupNodes = nodes.map((node) => {
    const url = new URL(/^rediss?:\/\//.test(node) ? node : `redis://${node}`);
    shared ??= {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    };
    return { host: url.hostname, port: Number(url.port || 6379) };
  });
  return { startupNodes, shared: shared ?? {} };
}
