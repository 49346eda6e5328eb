import { UserId, type SessionRepository, type UserRepository } from '@stratum/domain';
import type { Clock } from '../../config/clock';
import { assertHasAny, type Principal } from '../shared/principal';

export interface DeleteUserInput {
  userId: string;
}

/** Soft-deletes a user and ends their sessions at once (authentication refuses them regardless). */
export class DeleteUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, input: DeleteUserInput): Promise<void> {
    assertHasAny(principal, ['users:delete']);
    const id = UserId.of(input.userId);
    await this.users.softDelete(id);
    await this.sessions.revokeAllForUser(id, this.clock.now());
  }
}
