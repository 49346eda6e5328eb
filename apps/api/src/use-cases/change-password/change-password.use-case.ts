import type { SessionRepository, UnitOfWork } from '@stratum/domain';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { Clock } from '../../config/clock';
import { assertCurrentPassword } from '../shared/current-password';
import { findExisting } from '../shared/find-existing';
import type { Principal } from '../shared/principal';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
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
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, input: ChangePasswordInput): Promise<void> {
    const id = principal.userId;
    const newHash = await this.hasher.hash(input.newPassword);
    await this.unitOfWork.run(async ({ users }) => {
      const user = await findExisting('User', id.value, users.findById(id));
      await assertCurrentPassword(this.hasher, user, input.currentPassword);
      await users.save(user.changePasswordHash(newHash, this.clock.now()));
    });
    await this.sessions.revokeAllForUser(id, this.clock.now(), { except: principal.sessionId });
  }
}
