import { ValidationError, type User } from '@stratum/domain';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { Clock } from '../../config/clock';
import { ApplicationError } from './application-error';

/** A signed-in caller gave a wrong current password for a change that needs it. */
export class WrongPasswordError extends ApplicationError {
  readonly code = 'WRONG_PASSWORD' as const;

  constructor() {
    super('The current password is wrong');
  }
}

export class TooManyPasswordAttemptsError extends ApplicationError {
  readonly code = 'RATE_LIMITED' as const;

  constructor(retryAfterSeconds: number) {
    super('Too many wrong passwords; try again later', retryAfterSeconds);
  }
}

/** What checking a current password takes: the hasher, and the login limits it counts against. */
export interface CurrentPasswordCheck {
  hasher: PasswordHasher;
  limiter: LoginRateLimiter;
  clock: Clock;
}

/**
 * A bearer token alone must not be enough to take an account over: changing the email or the
 * password asks for the current password as well, which a stolen token does not carry. Each try
 * counts as a login attempt of the user from the caller's address (counted before the check, taken
 * back when right), so a stolen token cannot guess the password faster than a login could.
 * @throws ValidationError(currentPassword) when it is missing; TooManyPasswordAttemptsError past
 * the login limits; WrongPasswordError when wrong.
 */
export async function assertCurrentPassword(
  check: CurrentPasswordCheck,
  user: User,
  currentPassword: string | undefined,
  ip: string,
): Promise<void> {
  if (currentPassword === undefined || currentPassword === '') {
    throw new ValidationError('currentPassword', 'is required to change the email or the password');
  }
  const attempt = await check.limiter.attempt(user.email.value, ip, check.clock.now());
  if ('waitMs' in attempt) throw new TooManyPasswordAttemptsError(Math.ceil(attempt.waitMs / 1_000));
  if (!(await check.hasher.verify(user.passwordHash, currentPassword))) throw new WrongPasswordError();
  await attempt.succeeded();
}
