/** Refusals that belong to HTTP rather than to the use cases: a missing token, an unknown route. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'ROUTE_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'DATABASE_UNAVAILABLE'
  | 'SERVICE_OVERLOADED'
  | 'SHUTTING_DOWN'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Sent as Retry-After, in whole seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function unauthenticated(message = 'A valid bearer token is required'): ApiError {
  return new ApiError('UNAUTHENTICATED', message);
}
