export type { AttemptWindow, AttemptWindows, HitResult, WindowLimit } from './attempt-window.port';
export { InProcessAttemptWindows } from './in-process-attempt-windows';
export { RedisAttemptWindows } from './redis-attempt-windows';
export { InsuredAttemptWindows } from './insured-attempt-windows';
export { StoreOutage } from './store-outage';
export { limitKey } from './limit-key';
export {
  RateLimiterFlexibleRequestLimiter,
  type RequestDecision,
  type RequestLimit,
  type RequestLimiter,
} from './request-limiter';
export {
  createRateLimitStores,
  type RateLimitStoreOptions,
  type RateLimitStores,
} from './create-rate-limits';
