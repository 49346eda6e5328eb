import { ApplicationError } from '../shared/application-error';

/** One answer for an unknown email, a wrong password and an inactive user: none is told apart. */
export class InvalidCredentialsError extends ApplicationError {
  readonly code = 'INVALID_CREDENTIALS' as const;

  constructor() {
    super('The email or password is wrong');
  }
}

export class TooManyLoginsError extends ApplicationError {
  readonly code = 'RATE_LIMITED' as const;

  constructor(retryAfterSeconds: number) {
    super('Too many failed logins; try again later', retryAfterSeconds);
  }
}
