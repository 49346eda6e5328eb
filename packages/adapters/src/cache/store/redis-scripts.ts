import type { Cluster, Redis } from 'ioredis';

/**
 * Each script touches exactly one key (declared in KEYS), so it runs on any Redis Cluster slot.
 * An entry is a hash: `t` is the fill ticket (the lease), `v` the value once filled. Deleting the
 * hash is the invalidation: it destroys the ticket, so a fill still holding it is refused.
 */
const LOOKUP = `
local entry = redis.call('HMGET', KEYS[1], 't', 'v')
if entry[2] then return {'hit', entry[2], entry[1]} end
if entry[1] then return {'loading', entry[1]} end
redis.call('HSET', KEYS[1], 't', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {'miss', ARGV[1]}
`;

const FILL = `
if redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

// No TTL: a lost generation is harmless (a fresh random one just orphans the old entries).
const GENERATION = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
return redis.call('GET', KEYS[1])
`;

/** [kind, value or ticket] and, on a hit, the ticket the value was filled under. */
export type LookupReply = [string, string, string?];

export interface CacheScripts {
  lookup(key: string, ticket: string, leaseMs: number): Promise<LookupReply>;
  fill(key: string, ticket: string, value: string, ttlMs: number): Promise<number>;
  generation(key: string, candidate: string): Promise<string>;
}

interface ScriptedClient {
  stratumCacheLookup(key: string, ticket: string, leaseMs: number): Promise<LookupReply>;
  stratumCacheFill(key: string, ticket: string, value: string, ttlMs: number): Promise<number>;
  stratumCacheGeneration(key: string, candidate: string): Promise<string>;
}

/** Registers the scripts (EVALSHA, falling back to EVAL after a Redis restart forgot them). */
export function defineCacheScripts(client: Redis | Cluster): CacheScripts {
  client.defineCommand('stratumCacheLookup', { numberOfKeys: 1, lua: LOOKUP });
  client.defineCommand('stratumCacheFill', { numberOfKeys: 1, lua: FILL });
  client.defineCommand('stratumCacheGeneration', { numberOfKeys: 1, lua: GENERATION });
  const scripted = client as unknown as ScriptedClient;
  return {
    lookup: (key, ticket, leaseMs) => scripted.stratumCacheLookup(key, ticket, leaseMs),
    fill: (key, ticket, value, ttlMs) => scripted.stratumCacheFill(key, ticket, value, ttlMs),
    generation: (key, candidate) => scripted.stratumCacheGeneration(key, candidate),
  };
}
