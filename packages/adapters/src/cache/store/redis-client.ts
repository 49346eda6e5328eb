import { Redis } from 'ioredis';

export interface RedisClientOptions {
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

/**
 * A client that fails fast instead of waiting for Redis: no offline queue (a command while
 * disconnected fails at once), a short command timeout, and no resending of unanswered commands
 * after a reconnect (a fill or delete arriving seconds late is not what the caller asked for).
 * It keeps reconnecting in the background, so the cache comes back by itself.
 */
export function createRedisClient(url: string, options: RedisClientOptions): Redis {
  return new Redis(url, {
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}
