import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { AttemptWindow, AttemptWindows, HitResult, WindowLimit } from './attempt-window.port';
import { limitKey } from './limit-key';

/**
 * The same sliding-window log as InProcessAttemptWindows, as one sorted set per key (score: the
 * hit's time, member: its id), checked and hit in one script so that parallel hits from every
 * instance are counted one after the other. One key per script call, so it runs on a Redis Cluster
 * too. Time comes from the caller (the API's clock), so every instance and store agrees on it;
 * the key expires a window after its latest hit.
 *
 * Returns 0 when the hit was recorded, else the milliseconds to wait.
 */
const HIT_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local spacing = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= limit then
  local frees = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2]) + window
  if spacing < 0 then return frees - now end
  local latest = tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2])
  local wait = math.min(latest + spacing, frees) - now
  if wait > 0 then return wait end
  redis.call('ZREMRANGEBYRANK', key, 0, count - limit)
end
redis.call('ZADD', key, now, ARGV[5])
redis.call('PEXPIRE', key, window)
return 0
`;

export class RedisAttemptWindows implements AttemptWindows {
  constructor(
    private readonly client: Redis | Cluster,
    /** Namespace of every key; one per deployment, or per test run when runs share a Redis. */
    private readonly prefix: string,
  ) {}

  window(limit: WindowLimit): AttemptWindow {
    return new RedisAttemptWindow(this.client, this.prefix, limit);
  }
}

class RedisAttemptWindow implements AttemptWindow {
  constructor(
    private readonly client: Redis | Cluster,
    private readonly prefix: string,
    private readonly limit: WindowLimit,
  ) {}

  async hit(key: string, now: number): Promise<HitResult> {
    const hitId = randomUUID();
    const { limit, windowMs, spacingMs } = this.limit;
    const waitMs = Number(
      await this.client.eval(HIT_SCRIPT, 1, this.key(key), now, windowMs, limit, spacingMs ?? -1, hitId),
    );
    return waitMs > 0 ? { allowed: false, waitMs } : { allowed: true, hitId };
  }

  async release(key: string, hitId: string): Promise<void> {
    await this.client.zrem(this.key(key), hitId);
  }

  async reset(key: string): Promise<void> {
    await this.client.del(this.key(key));
  }

  private key(key: string): string {
    return limitKey(this.prefix, this.limit.name, key);
  }
}
