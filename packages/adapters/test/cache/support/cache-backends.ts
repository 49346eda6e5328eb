import type { Cache } from '../../../src/cache/store/cache.port';
import { InProcessLruCache } from '../../../src/cache/store/in-process-lru.cache';
import type { RedisCacheOptions } from '../../../src/cache/store/redis.cache';
import { REDIS_SKIP_NOTE, REDIS_URL, useRedisCaches } from './redis-test-support';

export interface IsolatedCache {
  readonly cache: Cache;
  /** Key prefix this cache's keys must use, so tests never see each other's entries. */
  readonly prefix: string;
}

export interface Backend {
  /** Names the backend, with the reason when it is skipped. */
  readonly name: string;
  readonly skip: boolean;
  make(options?: Partial<RedisCacheOptions>): Promise<IsolatedCache>;
  /** A second cache over the same entries, as another process would have (Redis only). */
  sibling?(of: IsolatedCache): Promise<IsolatedCache>;
}

/** The in-process LRU always; Redis when REDIS_URL is set. Call once at the top of a test file. */
export function useBackends(file: string): Backend[] {
  const redis = useRedisCaches(file);
  return [
    {
      name: 'in-process LRU',
      skip: false,
      make: async () => ({ cache: new InProcessLruCache({ maxEntries: 10_000 }), prefix: 'test' }),
    },
    {
      name: `Redis${REDIS_SKIP_NOTE}`,
      skip: !REDIS_URL,
      make: async (options) => ({ cache: await redis.cache(options), prefix: redis.newPrefix() }),
      sibling: async (of) => ({ cache: await redis.cache(), prefix: of.prefix }),
    },
  ];
}
