import { getHeapStatistics } from 'node:v8';

/**
 * The API's own settings (the database's are read by @stratum/prisma), validated once at start-up
 * so a typo fails loudly instead of falling back to a default nobody chose.
 */
export interface ApiConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Take the client address from X-Forwarded-For; only behind a proxy that sets it. */
  trustProxy: boolean;
  /** Sessions end this long after login; there is no refresh, the client logs in again. */
  sessionTtlMs: number;
  /** Failed-login limits per email and per client address, over one sliding window. */
  loginLimits: { perEmail: number; perIp: number; windowMs: number };
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  shutdownGraceMs: number;
  /** What a 503 tells clients to wait before retrying. */
  unavailableRetryAfterSeconds: number;
  /** Past these the API answers 503 (0 turns a limit off); see http/load-shedding.ts. */
  loadShedding: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; sampleIntervalMs: number };
}

export const DEFAULT_API_CONFIG: ApiConfig = {
  port: 3000,
  host: '127.0.0.1',
  logLevel: 'info',
  trustProxy: false,
  sessionTtlMs: 12 * 60 * 60_000,
  loginLimits: { perEmail: 5, perIp: 50, windowMs: 15 * 60_000 },
  shutdownGraceMs: 25_000,
  unavailableRetryAfterSeconds: 5,
  loadShedding: {
    maxEventLoopDelayMs: 1_000,
    // Near V8's limit the process spends its time collecting garbage, then dies out of memory.
    maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.9),
    sampleIntervalMs: 1_000,
  },
};

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readApiConfig(env: Env = process.env): ApiConfig {
  const d = DEFAULT_API_CONFIG;
  const logLevel = env.LOG_LEVEL || d.logLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: positiveInt(env, 'PORT', d.port),
    host: env.HOST || d.host,
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', d.trustProxy),
    sessionTtlMs: positiveInt(env, 'SESSION_TTL_MINUTES', d.sessionTtlMs / 60_000) * 60_000,
    loginLimits: {
      perEmail: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', d.loginLimits.perEmail),
      perIp: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_IP', d.loginLimits.perIp),
      windowMs: positiveInt(env, 'LOGIN_FAILURE_WINDOW_SECONDS', d.loginLimits.windowMs / 1_000) * 1_000,
    },
    shutdownGraceMs: positiveInt(env, 'SHUTDOWN_GRACE_MS', d.shutdownGraceMs),
    unavailableRetryAfterSeconds: d.unavailableRetryAfterSeconds,
    loadShedding: {
      maxEventLoopDelayMs: positiveInt(
        env,
        'LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS',
        d.loadShedding.maxEventLoopDelayMs,
      ),
      maxHeapUsedBytes: positiveInt(env, 'LOAD_SHED_MAX_HEAP_USED_BYTES', d.loadShedding.maxHeapUsedBytes),
      sampleIntervalMs: d.loadShedding.sampleIntervalMs,
    },
  };
}

function positiveInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${variable}: must be a positive integer, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, variable: string, fallback: boolean): boolean {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${variable}: must be true or false, got "${raw}"`);
}
