import { InvalidStateTransitionError } from '../shared/common.errors';
import { requireDate, requireText } from '../shared/text';
import type { Email } from './email';
import { UserId } from './user-id';
import { normalizePreferences, type UserPreferences } from './user-preferences';
import { parseUserStatus, type UserStatus } from './user-status';

export const MAX_USER_NAME_LENGTH = 200;

export interface UserProps {
  readonly id: UserId;
  readonly email: Email;
  readonly name: string;
  /** Opaque to the domain: hashing and verifying belong to the application. */
  readonly passwordHash: string;
  readonly status: UserStatus;
  readonly preferences: Record<string, unknown>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

export interface RegisterUserInput {
  readonly email: Email;
  readonly name: string;
  readonly passwordHash: string;
  readonly preferences?: Record<string, unknown>;
  readonly now?: Date;
}

/**
 * Immutable: every change returns a new User with a fresh updatedAt, and nothing is stored
 * until a repository's `save`. A soft-deleted user (only ever seen through `reconstitute`)
 * refuses every change.
 */
export class User {
  readonly id: UserId;
  readonly email: Email;
  readonly name: string;
  readonly passwordHash: string;
  readonly status: UserStatus;
  readonly preferences: UserPreferences;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;

  private constructor(props: UserProps) {
    this.id = props.id;
    this.email = props.email;
    this.name = requireText(props.name, 'name', { max: MAX_USER_NAME_LENGTH });
    this.passwordHash = requireText(props.passwordHash, 'passwordHash', { max: 1024, trim: false });
    this.status = parseUserStatus(props.status);
    this.preferences = normalizePreferences(props.preferences);
    this.createdAt = requireDate(props.createdAt, 'createdAt');
    this.updatedAt = requireDate(props.updatedAt, 'updatedAt');
    this.deletedAt = props.deletedAt === null ? null : requireDate(props.deletedAt, 'deletedAt');
    Object.freeze(this);
  }

  static register(input: RegisterUserInput): User {
    const now = input.now ?? new Date();
    return new User({
      id: UserId.random(),
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      status: 'ACTIVE',
      preferences: input.preferences === undefined ? {} : input.preferences,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
  }

  /** For repositories rebuilding a stored user; still validates, so a bad row fails loudly. */
  static reconstitute(props: UserProps): User {
    return new User(props);
  }

  get isDeleted(): boolean {
    return this.deletedAt !== null;
  }

  rename(name: string, now: Date = new Date()): User {
    return this.change('rename', { name }, now);
  }

  changeEmail(email: Email, now: Date = new Date()): User {
    return this.change('changeEmail', { email }, now);
  }

  /** The caller proved the current password (the use case checks it); the hash is opaque here. */
  changePasswordHash(passwordHash: string, now: Date = new Date()): User {
    return this.change('changePassword', { passwordHash }, now);
  }

  changeStatus(status: UserStatus, now: Date = new Date()): User {
    return this.change(status, { status }, now);
  }

  /** Shallow merge: keys in `patch` replace existing ones; others are kept. */
  updatePreferences(patch: Record<string, unknown>, now: Date = new Date()): User {
    return this.change('updatePreferences', { preferences: { ...this.preferences, ...patch } }, now);
  }

  toProps(): UserProps {
    return {
      id: this.id,
      email: this.email,
      name: this.name,
      passwordHash: this.passwordHash,
      status: this.status,
      preferences: { ...this.preferences },
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      deletedAt: this.deletedAt,
    };
  }

  private change(action: string, changes: Partial<UserProps>, now: Date): User {
    if (this.deletedAt !== null) throw new InvalidStateTransitionError('DELETED', action, 'User');
    return new User({ ...this.toProps(), ...changes, updatedAt: now });
  }
}
