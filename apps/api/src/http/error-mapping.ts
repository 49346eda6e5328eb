import type { DomainErrorCode } from '@stratum/domain';
import type { ApplicationErrorCode } from '../use-cases/shared/application-error';
import type { ApiErrorCode } from './api-error';

export type ErrorCode = DomainErrorCode | ApplicationErrorCode | ApiErrorCode;

/**
 * The one table from a stable error code to an HTTP status. 409: the request clashes with the
 * current state and may succeed later or differently; 422: it can never succeed as sent.
 * Typed as a full Record, so a new domain error code does not compile until it is mapped here.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  WRONG_PASSWORD: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  SKU_TAKEN: 409,
  INSUFFICIENT_FUNDS: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID_STATE_TRANSITION: 409,
  PENDING_ORDER_LIMIT: 409,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CURRENCY_MISMATCH: 422,
  DUPLICATE_IDEMPOTENCY_KEY: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  SERVICE_OVERLOADED: 503,
  SHUTTING_DOWN: 503,
});

/** Retries ran out against concurrent writers: a moment later the same request may well pass. */
export const CONFLICT_RETRY_AFTER_SECONDS = 1;
