import { InvalidStateTransitionError } from '../shared/common.errors';
import { requireDate, requireText } from '../shared/text';
import { Email } from './email';
import { UserId } from './user-id';
import { freezeStoredPreferences, normalizePreferences, type UserPreferences } from './user-preferences';
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

/** The fields of a constructed user, each already checked. */
type UserFields = Omit<UserProps, 'preferences'> & { readonly preferences: UserPreferences };

/** A users row as our statements read it, in the model's field names. */
export interface StoredUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly status: UserStatus;
  /** The jsonb column as the driver parsed it. */
  readonly preferences: unknown;
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

  /** Takes fields already checked: by `validated` for input, or by the schema for a stored row. */
  private constructor(fields: UserFields) {
    this.id = fields.id;
    this.email = fields.email;
    this.name = fields.name;
    this.passwordHash = fields.passwordHash;
    this.status = fields.status;
    this.preferences = fields.preferences;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    this.deletedAt = fields.deletedAt;
    Object.freeze(this);
  }

  private static validated(props: UserProps): User {
    return new User({
      id: props.id,
      email: props.email,
      name: requireText(props.name, 'name', { max: MAX_USER_NAME_LENGTH }),
      passwordHash: requireText(props.passwordHash, 'passwordHash', { max: 1024, trim: false }),
      status: parseUserStatus(props.status),
      preferences: normalizePreferences(props.preferences),
      createdAt: requireDate(props.createdAt, 'createdAt'),
      updatedAt: requireDate(props.updatedAt, 'updatedAt'),
      deletedAt: props.deletedAt === null ? null : requireDate(props.deletedAt, 'deletedAt'),
    });
  }

  static register(input: RegisterUserInput): User {
    const now = input.now ?? new Date();
    return User.validated({
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

  /** Rebuilds a user from props of unknown origin (a cache entry, a fake's store): validates every field. */
  static reconstitute(props: UserProps): User {
    return User.validated(props);
  }

  /**
   * Rebuilds a user from a row our own database returned. Every stored row was written from a
   * validated User (or by a migration or seed under the same CHECKs), and the column types hold
   * the rest (uuid, the user_status enum, VARCHAR lengths), so only what the schema cannot say
   * is checked again: that preferences is a JSON object, which is frozen like any other.
   * Re-running every rule on every row was most of the domain's cost of a page read.
   */
  static fromStored(row: StoredUser): User {
    return new User({
      id: UserId.fromStored(row.id),
      email: Email.fromStored(row.email),
      name: row.name,
      passwordHash: row.passwordHash,
      status: row.status,
      preferences: freezeStoredPreferences(row.preferences),
      // Fresh Date objects from the driver, owned by nobody else: no copy needed.
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt,
    });
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
    return User.validated({ ...this.toProps(), ...changes, updatedAt: now });
  }
}
