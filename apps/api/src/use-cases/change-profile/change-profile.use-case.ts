import {
  Email,
  ForbiddenError,
  UserId,
  type SessionRepository,
  type UnitOfWork,
  type User,
  type UserStatus,
} from '@stratum/domain';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { Clock } from '../../config/clock';
import { assertCurrentPassword } from '../shared/current-password';
import { findExisting } from '../shared/find-existing';
import { assertMayActOnUser, type Principal } from '../shared/principal';

export interface ChangeProfileInput {
  userId: string;
  name?: string;
  email?: string;
  preferences?: Record<string, unknown>;
  status?: UserStatus;
  /** Required to change one's own email: a bearer token alone must not take the account over. */
  currentPassword?: string;
  /** The client's address: a wrong current password counts as a failed login from it. */
  ip: string;
}

/**
 * Changes a user: their own profile with profile:write, anyone's with users:write. Changing one's
 * own email needs the current password, and ends every other session of the user; an email
 * changed by an administrator ends all of them. A user who is no longer active loses every
 * session at once.
 */
export class ChangeProfileUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, input: ChangeProfileInput): Promise<User> {
    assertMayActOnUser(principal, 'write', input.userId);
    const id = UserId.of(input.userId);
    // Status is a moderation decision, not a profile field: profile:write alone must not reach it.
    if (input.status !== undefined && !principal.has('users:write')) {
      throw new ForbiddenError('Changing a status requires users:write');
    }
    const self = principal.isSelf(id.value);
    const now = this.clock.now();
    let emailChanged = false;
    const updated = await this.unitOfWork.run(async ({ users }) => {
      let next = await findExisting('User', id.value, users.findById(id));
      if (input.name !== undefined) next = next.rename(input.name, now);
      if (input.email !== undefined) {
        const email = Email.of(input.email);
        if (!email.equals(next.email)) {
          if (self) {
            const check = { hasher: this.hasher, limiter: this.limiter, clock: this.clock };
            await assertCurrentPassword(check, next, input.currentPassword, input.ip);
          }
          next = next.changeEmail(email, now);
          emailChanged = true;
        }
      }
      if (input.preferences !== undefined) next = next.updatePreferences(input.preferences, now);
      if (input.status !== undefined) next = next.changeStatus(input.status, now);
      await users.save(next);
      return next;
    });
    if (updated.status !== 'ACTIVE' || (emailChanged && !self)) {
      await this.sessions.revokeAllForUser(updated.id, this.clock.now());
    } else if (emailChanged) {
      await this.sessions.revokeAllForUser(updated.id, this.clock.now(), { except: principal.sessionId });
    }
    return updated;
  }
}
