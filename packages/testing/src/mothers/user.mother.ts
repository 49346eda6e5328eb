import { Email, User, type UserStatus } from '@stratum/domain';
import { RandomMother } from './random.mother';

export interface UserOverrides {
  readonly email?: string;
  readonly name?: string;
  readonly passwordHash?: string;
  readonly status?: UserStatus;
  readonly preferences?: Record<string, unknown>;
  /** Both createdAt and updatedAt; handy for ordering tests. */
  readonly createdAt?: Date;
}

/** New, unsaved users with unique emails, so tests never collide with each other's data. */
export const UserMother = {
  email(): string {
    return `user-${RandomMother.token()}@example.test`;
  },

  random(overrides: UserOverrides = {}): User {
    const user = User.register({
      email: Email.of(overrides.email ?? UserMother.email()),
      name: overrides.name ?? `User ${RandomMother.word(8)}`,
      passwordHash: overrides.passwordHash ?? `$argon2id$v=19$m=65536,t=3,p=4$${RandomMother.token(16)}`,
      ...(overrides.preferences ? { preferences: overrides.preferences } : {}),
      ...(overrides.createdAt ? { now: overrides.createdAt } : {}),
    });
    const status = overrides.status ?? 'ACTIVE';
    return status === 'ACTIVE' ? user : user.changeStatus(status, user.createdAt);
  },
};
