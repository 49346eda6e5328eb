import type { SessionRepository, UnitOfWork } from '@stratum/domain';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { Clock } from '../../config/clock';
import { assertCurrentPassword } from '../shared/current-password';
import { findExisting } from '../shared/find-existing';
import type { Principal } from '../shared/principal';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The client's address: a wrong current password counts as a failed login from it. */
  ip: string;
}

/**
 * The caller changes their own password, proving the current one. Every other session of theirs
 * ends: whoever else held a token (a stolen one included) must log in with the new password.
 */
export class ChangePasswordUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly clock: Clock,
  ) {}

  /** @throws TooManyPasswordAttemptsError past the login limits; WrongPasswordError when wrong. */
  async execute(principal: Principal, input: ChangePasswordInput): Promise<void> {
    const id = principal.userId;
    const newHash = await this.hasher.hash(input.newPassword);
    await this.unitOfWork.run(async ({ users }) => {
      const user = await findExisting('User', id.value, users.findById(id));
      const check = { hasher: this.hasher, limiter: this.limiter, clock: this.clock };
      await assertCurrentPassword(check, user, input.currentPassword, input.ip);
      await users.save(user.changePasswordHash(newHash, this.clock.now()));
    });
    await this.sessions.revokeAllForUser(id, this.clock.now(), { except: principal.sessionId });
  }
}
