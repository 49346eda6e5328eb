import { ValidationError, type User } from '@stratum/domain';
import type { PasswordHasher } from '../../auth/password-hasher';
import { ApplicationError } from './application-error';

/** A signed-in caller gave a wrong current password for a change that needs it. */
export class WrongPasswordError extends ApplicationError {
  readonly code = 'WRONG_PASSWORD' as const;

  constructor() {
    super('The current password is wrong');
  }
}

/**
 * A bearer token alone must not be enough to take an account over: changing the email or the
 * password asks for the current password as well, which a stolen token does not carry.
 * @throws ValidationError(currentPassword) when it is missing; WrongPasswordError when wrong.
 */
export async function assertCurrentPassword(
  hasher: PasswordHasher,
  user: User,
  currentPassword: string | undefined,
): Promise<void> {
  if (currentPassword === undefined || currentPassword === '') {
    throw new ValidationError('currentPassword', 'is required to change the email or the password');
  }
  if (!(await hasher.verify(user.passwordHash, currentPassword))) throw new WrongPasswordError();
}
