import {
  Email,
  NotFoundError,
  User,
  type UnitOfWork,
  type UserId,
  type UserRepository,
  type UserStatus,
} from '@stratum/domain';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import type { SessionService } from '../auth/session.service';
import type { Clock } from '../config/clock';
import { forbidden } from '../http/api-error';

export interface RegisterInput {
  email: string;
  name: string;
  password: string;
  preferences?: Record<string, unknown>;
}

export interface UserChanges {
  name?: string;
  email?: string;
  preferences?: Record<string, unknown>;
  status?: UserStatus;
}

/** The role every self-registered user gets; anything more is granted by someone with roles:write. */
export const SIGN_UP_ROLE = 'user';

/** User use cases that span more than one repository call or one repository. */
export class UserService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      unitOfWork: UnitOfWork;
      sessions: SessionService;
      hasher: PasswordHasher;
      clock: Clock;
    },
  ) {}

  /** The user and their role commit together: nobody is ever registered without one. */
  async register(input: RegisterInput): Promise<User> {
    const user = User.register({
      email: Email.of(input.email),
      name: input.name,
      passwordHash: await this.deps.hasher.hash(input.password),
      ...(input.preferences ? { preferences: input.preferences } : {}),
      now: this.deps.clock.now(),
    });
    await this.deps.unitOfWork.run(async ({ users, roles }) => {
      await users.save(user);
      await roles.assign(user.id, SIGN_UP_ROLE);
    });
    return user;
  }

  async update(principal: Principal, id: UserId, changes: UserChanges): Promise<User> {
    // Status is a moderation decision, not a profile field: profile:write alone must not reach it.
    if (changes.status !== undefined && !principal.has('users:write')) {
      throw forbidden('Changing a status requires users:write');
    }
    const now = this.deps.clock.now();
    const updated = await this.deps.unitOfWork.run(async ({ users }) => {
      const user = await users.findById(id);
      if (!user) throw new NotFoundError('User', id.value);
      let next = user;
      if (changes.name !== undefined) next = next.rename(changes.name, now);
      if (changes.email !== undefined) next = next.changeEmail(Email.of(changes.email), now);
      if (changes.preferences !== undefined) next = next.updatePreferences(changes.preferences, now);
      if (changes.status !== undefined) next = next.changeStatus(changes.status, now);
      await users.save(next);
      return next;
    });
    if (updated.status !== 'ACTIVE') await this.deps.sessions.endAllSessionsOf(updated.id);
    return updated;
  }

  /** Soft-deletes the user and ends their sessions at once (authentication refuses them regardless). */
  async remove(id: UserId): Promise<void> {
    await this.deps.users.softDelete(id);
    await this.deps.sessions.endAllSessionsOf(id);
  }
}
