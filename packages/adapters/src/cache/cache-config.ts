import { ConfigError, parseEnv } from '@stratum/prisma';
import { CACHE_ENV } from './cache-env';

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
  /** Entries of the near cache in front of Redis (0: none), and the bound on their encoded size. */
  readonly nearMaxEntries: number;
  readonly nearMaxMb: number;
  readonly redisCommandTimeoutMs: number;
  readonly breakerCooldownMs: number;
}

export function readCacheConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CacheConfig {
  const settings = parseEnv(CACHE_ENV, env);
  if (settings.REDIS_URL && settings.REDIS_CLUSTER_NODES) {
    throw new ConfigError(
      'REDIS_CLUSTER_NODES',
      'set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both',
    );
  }
  return {
    redisUrl: settings.REDIS_URL ?? null,
    redisClusterNodes: settings.REDIS_CLUSTER_NODES ?? null,
    keyPrefix: settings.CACHE_KEY_PREFIX,
    ttlSeconds: settings.CACHE_TTL_SECONDS,
    searchTtlSeconds: settings.CACHE_SEARCH_TTL_SECONDS,
    lruMaxEntries: settings.CACHE_LRU_MAX_ENTRIES,
    nearMaxEntries: settings.CACHE_NEAR_MAX_ENTRIES,
    nearMaxMb: settings.CACHE_NEAR_MAX_MB,
    redisCommandTimeoutMs: settings.CACHE_REDIS_TIMEOUT_MS,
    breakerCooldownMs: settings.CACHE_BREAKER_COOLDOWN_MS,
  };
}

/** Every setting at its default: the defaults live in CACHE_ENV. */
export const CACHE_CONFIG_DEFAULTS: CacheConfig = readCacheConfig({});
