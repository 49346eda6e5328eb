import type { Cache } from '../../../src/cache/store/cache.port';
import { InProcessLruCache } from '../../../src/cache/store/in-process-lru.cache';
import type { RedisCacheOptions } from '../../../src/cache/store/redis.cache';
import {
  REDIS_CLUSTER_MISSING,
  REDIS_CLUSTER_SKIP_NOTE,
  useRedisClusterCaches,
} from './redis-cluster-caches';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from './redis-test-support';

export interface IsolatedCache {
  readonly cache: Cache;
  /** Key prefix this cache's keys must use, so tests never see each other's entries. */
  readonly prefix: string;
  /** Read through a near cache of decoded values in front of `cache` (as createCache does for Redis). */
  readonly near?: boolean;
}

/** Near-cache size in the tests: room for every entry a test makes. */
export const TEST_NEAR_MAX_ENTRIES = 1_000;

export interface Backend {
  /** Names the backend, with the reason when it is skipped. */
  readonly name: string;
  readonly skip: boolean;
  /** Whether reads go through a near cache in front of the shared one. */
  readonly near?: boolean;
  make(options?: Partial<RedisCacheOptions>): Promise<IsolatedCache>;
  /** A second cache over the same entries, as another process would have (Redis only). */
  sibling?(of: IsolatedCache): Promise<IsolatedCache>;
}

export interface BackendChoice {
  /**
   * Adds a Redis Cluster of the file's own (six redis-server processes, about 3 s to start), for
   * the suites that prove the cache's promises hold when keys live on different masters.
   */
  readonly cluster?: boolean;
}

/**
 * The in-process LRU always; Redis when REDIS_URL is set; a Redis Cluster when asked and a
 * redis-server binary exists. Each shared backend comes twice: as is, and with the near cache in
 * front, whose copies must keep every promise the shared cache keeps. Call once at the top of a
 * test file.
 */
export function useBackends(file: string, choice: BackendChoice = {}): Backend[] {
  const shared = sharedBackends(file, choice);
  return [
    {
      name: 'in-process LRU',
      skip: false,
      make: async () => ({ cache: new InProcessLruCache({ maxEntries: 10_000 }), prefix: 'test' }),
    },
    ...shared,
    ...shared.map(withNearCache),
  ];
}

function withNearCache(backend: Backend): Backend {
  const sibling = backend.sibling;
  return {
    name: backend.name.replace(/( \[skipped.*)?$/, ' with a near cache$1'),
    skip: backend.skip,
    near: true,
    make: async (options) => ({ ...(await backend.make(options)), near: true }),
    ...(sibling ? { sibling: async (of: IsolatedCache) => ({ ...(await sibling(of)), near: true }) } : {}),
  };
}

function sharedBackends(file: string, choice: BackendChoice): Backend[] {
  const redis = useRedisCaches(file);
  const cluster = choice.cluster ? [clusterBackend(file)] : [];
  return [
    {
      name: `Redis${REDIS_SKIP_NOTE}`,
      skip: !REDIS_URL,
      make: async (options) => ({ cache: await redis.cache(options), prefix: redis.newPrefix() }),
      sibling: async (of) => ({ cache: await redis.cache(), prefix: of.prefix }),
    },
    ...cluster,
  ];
}

function clusterBackend(file: string): Backend {
  const cluster = useRedisClusterCaches(file);
  return {
    name: `Redis Cluster${REDIS_CLUSTER_SKIP_NOTE}`,
    skip: REDIS_CLUSTER_MISSING !== null,
    make: async (options) => ({ cache: await cluster.cache(options), prefix: cluster.newPrefix() }),
    sibling: async (of) => ({ cache: await cluster.cache(), prefix: of.prefix }),
  };
}
