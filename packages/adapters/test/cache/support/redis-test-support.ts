import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach } from 'vitest';
import { createRedisClient } from '../../../src/cache/store/redis-client';
import { RedisCache, type RedisCacheOptions } from '../../../src/cache/store/redis.cache';

/** Unset on a machine without Redis: the Redis suites are then skipped, the in-process ones still run. */
export const REDIS_URL = process.env.REDIS_URL;
export const REDIS_SKIP_NOTE = REDIS_URL ? '' : ' [skipped: set REDIS_URL, e.g. redis://127.0.0.1:6379]';

// Roomy on purpose: a loaded CI machine must not turn an expected hit into a timeout-bypass.
const RELAXED_TIMEOUT_MS = 1_000;

export interface RedisCaches {
  /** A key prefix no other test or file uses. */
  newPrefix(): string;
  /** A client that has finished connecting (closed after the test). */
  client(url?: string, commandTimeoutMs?: number): Promise<Redis>;
  cache(options?: Partial<RedisCacheOptions> & { url?: string }): Promise<RedisCache>;
}

/**
 * Redis for one test file: every key it makes starts with a prefix of its own (the shared server
 * is never flushed), and the file's keys are deleted after its last test.
 */
export function useRedisCaches(file: string): RedisCaches {
  const filePrefix = `stratum-test:${file}:${randomBytes(4).toString('hex')}`;
  const opened: Redis[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  });

  afterAll(async () => {
    if (!REDIS_URL) return;
    const admin = await connected(
      createRedisClient(REDIS_URL, { commandTimeoutMs: 5_000, connectTimeoutMs: 5_000 }),
    );
    try {
      // SCAN is fine for tidying up after tests; the cache itself never lists keys.
      for (let cursor = '0'; ;) {
        const [next, keys] = await admin.scan(cursor, 'MATCH', `${filePrefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await admin.unlink(...keys);
        if (next === '0') break;
        cursor = next;
      }
    } finally {
      await admin.quit();
    }
  });

  const caches: RedisCaches = {
    newPrefix: () => `${filePrefix}:${randomBytes(4).toString('hex')}`,
    client: async (url = requireRedisUrl(), commandTimeoutMs = RELAXED_TIMEOUT_MS) => {
      const client = createRedisClient(url, { commandTimeoutMs, connectTimeoutMs: 1_000 });
      opened.push(client);
      return connected(client);
    },
    cache: async ({ url, ...options } = {}) => {
      const commandTimeoutMs = options.commandTimeoutMs ?? RELAXED_TIMEOUT_MS;
      return new RedisCache(await caches.client(url, commandTimeoutMs), { ...options, commandTimeoutMs });
    },
  };
  return caches;
}

export function requireRedisUrl(): string {
  if (!REDIS_URL) throw new Error('REDIS_URL is not set');
  return REDIS_URL;
}

async function connected(client: Redis): Promise<Redis> {
  if (client.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('end', () => reject(new Error('redis connection ended before it was ready')));
    });
  }
  return client;
}
