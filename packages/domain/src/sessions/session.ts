import { ValidationError } from '../shared/common.errors';
import { requireDate } from '../shared/text';
import type { UserId } from '../users/user-id';
import { SessionId } from './session-id';

/** A SHA-256 digest in lower-case hex: the only form of a token the domain ever holds. */
const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

export interface SessionProps {
  readonly id: SessionId;
  readonly userId: UserId;
  /** The hash of the bearer token; the token itself is never stored, so a leaked table opens nothing. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface StartSessionInput {
  readonly userId: UserId;
  readonly tokenHash: string;
  readonly now: Date;
  /** How long the session lives; it is never extended, a client logs in again. */
  readonly ttlMs: number;
}

/** A signed-in user's session. Immutable; revocation is a write through the repository. */
export class Session {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;

  private constructor(props: SessionProps) {
    if (typeof props.tokenHash !== 'string' || !TOKEN_HASH_PATTERN.test(props.tokenHash)) {
      throw new ValidationError('tokenHash', 'must be a SHA-256 digest in lower-case hex');
    }
    this.id = props.id;
    this.userId = props.userId;
    this.tokenHash = props.tokenHash;
    this.createdAt = requireDate(props.createdAt, 'createdAt');
    this.expiresAt = requireDate(props.expiresAt, 'expiresAt');
    if (this.expiresAt.getTime() <= this.createdAt.getTime()) {
      throw new ValidationError('expiresAt', 'must be after createdAt');
    }
    this.revokedAt = props.revokedAt === null ? null : requireDate(props.revokedAt, 'revokedAt');
    Object.freeze(this);
  }

  static start(input: StartSessionInput): Session {
    if (!Number.isSafeInteger(input.ttlMs) || input.ttlMs <= 0) {
      throw new ValidationError('ttlMs', 'must be a positive whole number of milliseconds');
    }
    return new Session({
      id: SessionId.random(),
      userId: input.userId,
      tokenHash: input.tokenHash,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlMs),
      revokedAt: null,
    });
  }

  static reconstitute(props: SessionProps): Session {
    return new Session(props);
  }

  /** Neither revoked nor expired at `now`. */
  isActiveAt(now: Date): boolean {
    return this.revokedAt === null && now.getTime() < this.expiresAt.getTime();
  }
}
