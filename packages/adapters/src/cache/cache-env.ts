import { envInteger, envText, envUrl } from '@stratum/prisma';
import { z } from 'zod';

/** The variables the cache reads, with their defaults (the ones .env.example shows). */
export const CACHE_ENV = z.object({
  /** Unset: the in-process LRU, which is only right for a single process. */
  REDIS_URL: envUrl(['redis', 'rediss']).optional(),
  /** A Redis Cluster instead: its nodes, comma-separated, as host:port or redis:// URLs. */
  REDIS_CLUSTER_NODES: envText()
    .transform((raw) =>
      raw
        .split(',')
        .map((node) => node.trim())
        .filter((node) => node !== ''),
    )
    .refine((nodes) => nodes.every((node) => /^(rediss?:\/\/\S+|[^\s:/]+:\d{1,5})$/.test(node)), {
      error: 'must list host:port or redis:// URLs',
    })
    .optional(),
  CACHE_KEY_PREFIX: envText().default('stratum:cache'),
  CACHE_TTL_SECONDS: envInteger().default(60),
  CACHE_SEARCH_TTL_SECONDS: envInteger().default(30),
  CACHE_LRU_MAX_ENTRIES: envInteger().default(10_000),
  /** Decoded values each process keeps in front of Redis, each served only once Redis confirms it; 0 turns it off. */
  CACHE_NEAR_MAX_ENTRIES: envInteger(0).default(10_000),
  CACHE_NEAR_MAX_MB: envInteger().default(32),
  CACHE_REDIS_TIMEOUT_MS: envInteger().default(100),
  CACHE_BREAKER_COOLDOWN_MS: envInteger().default(5_000),
});
