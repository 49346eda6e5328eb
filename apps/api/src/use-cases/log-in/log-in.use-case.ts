import { randomBytes } from 'node:crypto';
import { Email, Session, type SessionRepository, type User, type UserRepository } from '@stratum/domain';
import type { Clock } from '../config/clock';
import { ApiError } from '../http/api-error';
import type { LoginRateLimiter } from './login-rate-limiter';
import type { PasswordHasher } from './password-hasher';
import { hashSessionToken, newSessionToken } from './session-token';

export interface LoginServiceDependencies {
  users: UserRepository;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  limiter: LoginRateLimiter;
  clock: Clock;
  sessionTtlMs: number;
}

export interface LoginResult {
  /** Shown to the client once; only its hash is stored. */
  token: string;
  session: Session;
  user: User;
}

const INVALID = 'The email or password is wrong';

export class LoginService {
  // Checked when the email matches nobody, so an unknown email costs as long as a wrong password
  // and response times do not tell which emails are registered.
  private decoyHash: Promise<string> | undefined;

  constructor(private readonly deps: LoginServiceDependencies) {}

  /**
   * @throws ApiError RATE_LIMITED (with Retry-After) when this email or address failed too often.
   * @throws ApiError INVALID_CREDENTIALS for an unknown email, a wrong password or an inactive user.
   */
  async login(rawEmail: string, password: string, ip: string): Promise<LoginResult> {
    const { limiter, clock } = this.deps;
    const emailKey = rawEmail.trim().toLowerCase();
    const waitMs = limiter.attempt(emailKey, ip, clock.now());
    if (waitMs > 0) {
      throw new ApiError(
        'RATE_LIMITED',
        'Too many failed logins; try again later',
        Math.ceil(waitMs / 1_000),
      );
    }
    const user = await this.findUser(rawEmail);
    const verified = await this.deps.hasher.verify(user?.passwordHash ?? (await this.decoy()), password);
    if (!user || !verified || user.status !== 'ACTIVE') throw new ApiError('INVALID_CREDENTIALS', INVALID);
    limiter.succeeded(emailKey, ip);

    const token = newSessionToken();
    const session = Session.start({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      now: clock.now(),
      ttlMs: this.deps.sessionTtlMs,
    });
    await this.deps.sessions.create(session);
    return { token, session, user };
  }

  private async findUser(rawEmail: string): Promise<User | null> {
    let email: Email;
    try {
      email = Email.of(rawEmail);
    } catch {
      return null;
    }
    return this.deps.users.findByEmail(email);
  }

  private decoy(): Promise<string> {
    return (this.decoyHash ??= this.deps.hasher.hash(randomBytes(16).toString('hex')));
  }
}
