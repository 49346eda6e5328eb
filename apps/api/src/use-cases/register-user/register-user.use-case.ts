import { Email, User, type UnitOfWork } from '@stratum/domain';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { SignUpRateLimiter } from '../../auth/sign-up-rate-limiter';
import type { Clock } from '../../config/clock';
import { TooManySignUpsError } from './register-user.errors';

export interface RegisterUserInput {
  email: string;
  name: string;
  password: string;
  preferences?: Record<string, unknown>;
  /** The client's address, for the per-address limit on sign-ups. */
  ip: string;
}

/** The role every self-registered user gets; anything more is granted by someone with roles:write. */
export const SIGN_UP_ROLE = 'user';

/**
 * Sign-up. There is no caller to take: anyone may register. The user and their role commit
 * together, so nobody is ever registered without one.
 */
export class RegisterUserUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly limiter: SignUpRateLimiter,
    private readonly clock: Clock,
  ) {}

  /** @throws TooManySignUpsError when this address signed up too often, before any hashing. */
  async execute(input: RegisterUserInput): Promise<User> {
    const waitMs = await this.limiter.attempt(input.ip, this.clock.now());
    if (waitMs > 0) throw new TooManySignUpsError(Math.ceil(waitMs / 1_000));
    const user = User.register({
      email: Email.of(input.email),
      name: input.name,
      passwordHash: await this.hasher.hash(input.password),
      ...(input.preferences ? { preferences: input.preferences } : {}),
      now: this.clock.now(),
    });
    await this.unitOfWork.run(async ({ users, roles }) => {
      await users.save(user);
      await roles.assign(user.id, SIGN_UP_ROLE);
    });
    return user;
  }
}
