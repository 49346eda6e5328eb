import { getHeapStatistics } from 'node:v8';
import { envInteger, envOneOf, envText, parseEnv, type Env } from '@stratum/prisma';
import { MAX_EXPIRY_BATCH } from '@stratum/domain';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/**
 * The API's own settings (the database's are read by @stratum/prisma, the cache's by
 * @stratum/adapters), validated once at start-up so a typo fails loudly instead of falling back to
 * a default nobody chose.
 */
export interface ApiConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Whose X-Forwarded-For to believe: no one, a hop count, or proxy addresses (see trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** Sessions end this long after login; there is no refresh, the client logs in again. */
  sessionTtlMs: number;
  /** Failed-login limits per email and per client address, over one sliding window. */
  loginLimits: { perEmail: number; perEmailCeiling: number; perIp: number; windowMs: number };
  /** Sign-ups per client address over one sliding window (each costs an argon2 hash). */
  signUpLimits: { perIp: number; windowMs: number };
  /** Requests per client address over a fixed window, on every route but the probes; 0 turns it off. */
  requestLimit: { maxPerWindow: number; windowSeconds: number };
  /** Namespace of the limits' counters in Redis (with REDIS_URL or REDIS_CLUSTER_NODES). */
  rateLimitKeyPrefix: string;
  /**
   * Per-command timeout of the limits' Redis client. Longer than the cache's: a cache timeout only
   * sends a read to PostgreSQL, but a limit timeout makes the instance count alone for a cooldown,
   * which lets N instances allow N times the limit meanwhile.
   */
  rateLimitRedisTimeoutMs: number;
  /** PENDING orders (each holding reserved stock) one customer may have at once. */
  maxPendingOrdersPerCustomer: number;
  /** The pending-order sweep: reservations older than `reservationTtlMs` expire and free their stock. */
  pendingOrderSweep: {
    intervalMs: number;
    reservationTtlMs: number;
    batchSize: number;
    maxBatchesPerRound: number;
  };
  /** How often each instance tries the purge of ended sessions (one instance at a time runs it). */
  sessionPurgeIntervalMs: number;
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  shutdownGraceMs: number;
  /** What a 503 tells clients to wait before retrying. */
  unavailableRetryAfterSeconds: number;
  /** Past these the API answers 503 (0 turns a limit off); see http/load-shedding.ts. */
  loadShedding: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; sampleIntervalMs: number };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables the API reads, with their defaults (the ones .env.example shows). */
export const API_ENV = z.object({
  PORT: envInteger().default(3_000),
  HOST: envText().default('127.0.0.1'),
  LOG_LEVEL: envOneOf(LOG_LEVELS).default('info'),
  // A hop count or proxy addresses/CIDRs; never plain `true` (see trust-proxy.ts).
  TRUST_PROXY: envText()
    .transform((raw, ctx) => {
      try {
        return parseTrustProxy(raw);
      } catch (error) {
        const message = error instanceof Error ? error.message.replace(/^TRUST_PROXY: /, '') : String(error);
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
    })
    .default(false),
  SESSION_TTL_MINUTES: envInteger().default(720),
  LOGIN_MAX_FAILURES_PER_EMAIL: envInteger().default(5),
  LOGIN_MAX_FAILURES_PER_IP: envInteger().default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: envInteger().default(900),
  LOGIN_EMAIL_CEILING: envInteger().default(50),
  SIGNUP_MAX_PER_IP: envInteger().default(10),
  SIGNUP_WINDOW_SECONDS: envInteger().default(3_600),
  RATE_LIMIT_MAX_PER_WINDOW: envInteger(0).default(1_000),
  RATE_LIMIT_WINDOW_SECONDS: envInteger().default(60),
  RATE_LIMIT_KEY_PREFIX: envText().default('stratum:limits'),
  RATE_LIMIT_REDIS_TIMEOUT_MS: envInteger().default(1_000),
  ORDER_MAX_PENDING_PER_CUSTOMER: envInteger().default(20),
  ORDER_RESERVATION_TTL_MINUTES: envInteger().default(30),
  ORDER_SWEEP_INTERVAL_SECONDS: envInteger().default(60),
  // One statement locks this many orders and their products; MAX_EXPIRY_BATCH is the domain's ceiling.
  ORDER_SWEEP_BATCH_SIZE: envInteger().pipe(z.number().max(MAX_EXPIRY_BATCH)).default(100),
  ORDER_SWEEP_MAX_BATCHES: envInteger().default(10),
  SESSION_PURGE_INTERVAL_SECONDS: envInteger().default(3_600),
  SHUTDOWN_GRACE_MS: envInteger().default(25_000),
  LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: envInteger(0).default(1_000),
  // Near V8's limit the process spends its time collecting garbage, then dies out of memory.
  LOAD_SHED_MAX_HEAP_USED_PERCENT: envInteger(0).default(90),
});

export function readApiConfig(env: Env = process.env): ApiConfig {
  const settings = parseEnv(API_ENV, env);
  return {
    port: settings.PORT,
    host: settings.HOST,
    logLevel: settings.LOG_LEVEL,
    trustProxy: settings.TRUST_PROXY,
    sessionTtlMs: settings.SESSION_TTL_MINUTES * 60_000,
    loginLimits: {
      perEmail: settings.LOGIN_MAX_FAILURES_PER_EMAIL,
      perEmailCeiling: settings.LOGIN_EMAIL_CEILING,
      perIp: settings.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: settings.LOGIN_FAILURE_WINDOW_SECONDS * 1_000,
    },
    signUpLimits: {
      perIp: settings.SIGNUP_MAX_PER_IP,
      windowMs: settings.SIGNUP_WINDOW_SECONDS * 1_000,
    },
    requestLimit: {
      maxPerWindow: settings.RATE_LIMIT_MAX_PER_WINDOW,
      windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS,
    },
    rateLimitKeyPrefix: settings.RATE_LIMIT_KEY_PREFIX,
    rateLimitRedisTimeoutMs: settings.RATE_LIMIT_REDIS_TIMEOUT_MS,
    maxPendingOrdersPerCustomer: settings.ORDER_MAX_PENDING_PER_CUSTOMER,
    shutdownGraceMs: settings.SHUTDOWN_GRACE_MS,
    unavailableRetryAfterSeconds: 5,
    loadShedding: {
      maxEventLoopDelayMs: settings.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: Math.floor(
        (getHeapStatistics().heap_size_limit * settings.LOAD_SHED_MAX_HEAP_USED_PERCENT) / 100,
      ),
      sampleIntervalMs: 1_000,
    },
    pendingOrderSweep: {
      intervalMs: settings.ORDER_SWEEP_INTERVAL_SECONDS * 1_000,
      reservationTtlMs: settings.ORDER_RESERVATION_TTL_MINUTES * 60_000,
      batchSize: settings.ORDER_SWEEP_BATCH_SIZE,
      maxBatchesPerRound: settings.ORDER_SWEEP_MAX_BATCHES,
    },
    sessionPurgeIntervalMs: settings.SESSION_PURGE_INTERVAL_SECONDS * 1_000,
  };
}

/** Every setting at its default. */
export const DEFAULT_API_CONFIG: ApiConfig = readApiConfig({});
