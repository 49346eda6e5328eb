import { UserId, type RoleRepository } from '@stratum/domain';
import { assertHasAny, type Principal } from '../shared/principal';

export interface GrantRoleInput {
  userId: string;
  role: string;
}

/** Gives a user a role, recording who granted it; granting it again changes nothing. */
export class GrantRoleUseCase {
  constructor(private readonly roles: RoleRepository) {}

  async execute(principal: Principal, input: GrantRoleInput): Promise<void> {
    assertHasAny(principal, ['roles:write']);
    await this.roles.assign(UserId.of(input.userId), input.role, principal.userId);
  }
}
