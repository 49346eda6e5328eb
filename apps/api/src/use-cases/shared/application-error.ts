/**
 * Refusals of a use case that are not rules of the domain: who the caller proves to be and how
 * often they may try. The HTTP layer maps their codes like domain codes.
 */
export type ApplicationErrorCode = 'INVALID_CREDENTIALS' | 'WRONG_PASSWORD' | 'RATE_LIMITED';

export abstract class ApplicationError extends Error {
  abstract readonly code: ApplicationErrorCode;

  protected constructor(
    message: string,
    /** How long to wait before trying again, in whole seconds, when that is known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isApplicationError(error: unknown): error is ApplicationError {
  return error instanceof ApplicationError;
}
