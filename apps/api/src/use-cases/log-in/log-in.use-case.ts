import { randomBytes } from 'node:crypto';
import { Email, Session, type SessionRepository, type User, type UserRepository } from '@stratum/domain';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { PasswordHasher } from '../../auth/password-hasher';
import { hashSessionToken, newSessionToken } from '../../auth/session-token';
import type { Clock } from '../../config/clock';
import { InvalidCredentialsError, TooManyLoginsError } from './log-in.errors';

export interface LogInInput {
  email: string;
  password: string;
  /** The client's address, for the per-address limit on failures. */
  ip: string;
}

export interface LogInResult {
  /** Shown to the client once; only its hash is stored. */
  token: string;
  session: Session;
  user: User;
}

/** Email and password in, a new session out. There is no caller yet: this is how one becomes one. */
export class LogInUseCase {
  // Checked when the email matches nobody, so an unknown email costs as long as a wrong password
  // and response times do not tell which emails are registered.
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
  ) {}

  /**
   * @throws TooManyLoginsError when this email or address failed too often.
   * @throws InvalidCredentialsError for an unknown email, a wrong password or an inactive user.
   */
  async execute(input: LogInInput): Promise<LogInResult> {
    const emailKey = input.email.trim().toLowerCase();
    const attempt = await this.limiter.attempt(emailKey, input.ip, this.clock.now());
    if ('waitMs' in attempt) throw new TooManyLoginsError(Math.ceil(attempt.waitMs / 1_000));
    const user = await this.findUser(input.email);
    const verified = await this.hasher.verify(user?.passwordHash ?? (await this.decoy()), input.password);
    if (!user || !verified || user.status !== 'ACTIVE') throw new InvalidCredentialsError();
    await attempt.succeeded();

    const token = newSessionToken();
    const session = Session.start({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      now: this.clock.now(),
      ttlMs: this.sessionTtlMs,
    });
    await this.sessions.create(session);
    return { token, session, user };
  }

  private async findUser(rawEmail: string): Promise<User | null> {
    let email: Email;
    try {
      email = Email.of(rawEmail);
    } catch {
      return null;
    }
    return this.users.findByEmail(email);
  }

  private decoy(): Promise<string> {
    return (this.decoyHash ??= this.hasher.hash(randomBytes(16).toString('hex')));
  }
}
