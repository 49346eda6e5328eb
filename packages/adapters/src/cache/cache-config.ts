/** How the cache is set up, read from the environment (see the README's Caching section). */
export interface CacheConfig {
  /** Null selects the in-process LRU, which is only right for a single process. */
  readonly redisUrl: string | null;
  /**
   * Startup nodes of a Redis Cluster (`host:port`, or `redis://`/`rediss://` URLs whose first one
   * gives the credentials and TLS for all); when set the cache uses the cluster, not redisUrl.
   */
  readonly redisClusterNodes: readonly string[] | null;
  readonly keyPrefix: string;
  readonly ttlSeconds: number;
  readonly searchTtlSeconds: number;
  readonly lruMaxEntries: number;
  readonly redisCommandTimeoutMs: number;
  readonly breakerCooldownMs: number;
}

export const CACHE_CONFIG_DEFAULTS: CacheConfig = {
  redisUrl: null,
  redisClusterNodes: null,
  keyPrefix: 'stratum:cache',
  ttlSeconds: 60,
  searchTtlSeconds: 30,
  lruMaxEntries: 10_000,
  redisCommandTimeoutMs: 100,
  breakerCooldownMs: 5_000,
};

export function readCacheConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CacheConfig {
  const defaults = CACHE_CONFIG_DEFAULTS;
  return {
    redisUrl: text(env['REDIS_URL']) ?? null,
    redisClusterNodes: clusterNodes(env),
    keyPrefix: text(env['CACHE_KEY_PREFIX']) ?? defaults.keyPrefix,
    ttlSeconds: positive(env, 'CACHE_TTL_SECONDS', defaults.ttlSeconds),
    searchTtlSeconds: positive(env, 'CACHE_SEARCH_TTL_SECONDS', defaults.searchTtlSeconds),
    lruMaxEntries: positive(env, 'CACHE_LRU_MAX_ENTRIES', defaults.lruMaxEntries),
    redisCommandTimeoutMs: positive(env, 'CACHE_REDIS_TIMEOUT_MS', defaults.redisCommandTimeoutMs),
    breakerCooldownMs: positive(env, 'CACHE_BREAKER_COOLDOWN_MS', defaults.breakerCooldownMs),
  };
}

/** REDIS_CLUSTER_NODES, comma-separated; one server or a cluster, never both at once. */
function clusterNodes(env: Readonly<Record<string, string | undefined>>): readonly string[] | null {
  const raw = text(env['REDIS_CLUSTER_NODES']);
  if (raw === undefined) return null;
  if (text(env['REDIS_URL']) !== undefined) {
    throw new Error('set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both');
  }
  const nodes = raw
    .split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '');
  for (const node of nodes) {
    if (!/^(rediss?:\/\/\S+|[^\s:/]+:\d{1,5})$/.test(node)) {
      throw new Error(`REDIS_CLUSTER_NODES must list host:port or redis:// URLs, got "${node}"`);
    }
  }
  return nodes;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = text(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  }
  return value;
}
