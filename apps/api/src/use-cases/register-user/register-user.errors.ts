import { ApplicationError } from '../shared/application-error';

export class TooManySignUpsError extends ApplicationError {
  readonly code = 'RATE_LIMITED' as const;

  constructor(retryAfterSeconds: number) {
    super('Too many sign-ups from this address; try again later', retryAfterSeconds);
  }
}
