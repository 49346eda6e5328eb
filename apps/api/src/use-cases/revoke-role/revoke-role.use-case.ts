import { UserId, type RoleRepository, type UserRepository } from '@stratum/domain';
import { findExisting } from '../shared/find-existing';
import { assertHasAny, type Principal } from '../shared/principal';

export interface RevokeRoleInput {
  userId: string;
  role: string;
}

/** Takes a role from a user; taking one they do not hold changes nothing. */
export class RevokeRoleUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly roles: RoleRepository,
  ) {}

  async execute(principal: Principal, input: RevokeRoleInput): Promise<void> {
    assertHasAny(principal, ['roles:write']);
    // The port treats revoking from an unknown user as done; to a caller that is a wrong id.
    const user = await findExisting('User', input.userId, this.users.findById(UserId.of(input.userId)));
    await this.roles.revoke(user.id, input.role);
  }
}
