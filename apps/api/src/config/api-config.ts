import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/**
 * The API's own settings (the database's are read by @stratum/prisma), validated once at start-up
 * so a typo fails loudly instead of falling back to a default nobody chose.
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
  /** PENDING orders (each holding reserved stock) one customer may have at once. */
  maxPendingOrdersPerCustomer: number;
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  shutdownGraceMs: number;
  /** What a 503 tells clients to wait before retrying. */
  unavailableRetryAfterSeconds: number;
}

export const DEFAULT_API_CONFIG: ApiConfig = {
  port: 3000,
  host: '127.0.0.1',
  logLevel: 'info',
  trustProxy: false,
  sessionTtlMs: 12 * 60 * 60_000,
  loginLimits: { perEmail: 5, perEmailCeiling: 50, perIp: 50, windowMs: 15 * 60_000 },
  signUpLimits: { perIp: 10, windowMs: 60 * 60_000 },
  maxPendingOrdersPerCustomer: 20,
  shutdownGraceMs: 25_000,
  unavailableRetryAfterSeconds: 5,
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionTtlMs: positiveInt(env, 'SESSION_TTL_MINUTES', d.sessionTtlMs / 60_000) * 60_000,
    loginLimits: {
      perEmail: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', d.loginLimits.perEmail),
      perEmailCeiling: positiveInt(env, 'LOGIN_EMAIL_CEILING', d.loginLimits.perEmailCeiling),
      perIp: positiveInt(env, 'LOGIN_MAX_FAILURES_PER_IP', d.loginLimits.perIp),
      windowMs: positiveInt(env, 'LOGIN_FAILURE_WINDOW_SECONDS', d.loginLimits.windowMs / 1_000) * 1_000,
    },
    signUpLimits: {
      perIp: positiveInt(env, 'SIGNUP_MAX_PER_IP', d.signUpLimits.perIp),
      windowMs: positiveInt(env, 'SIGNUP_WINDOW_SECONDS', d.signUpLimits.windowMs / 1_000) * 1_000,
    },
    maxPendingOrdersPerCustomer: positiveInt(
      env,
      'ORDER_MAX_PENDING_PER_CUSTOMER',
      d.maxPendingOrdersPerCustomer,
    ),
    shutdownGraceMs: positiveInt(env, 'SHUTDOWN_GRACE_MS', d.shutdownGraceMs),
    unavailableRetryAfterSeconds: d.unavailableRetryAfterSeconds,
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
