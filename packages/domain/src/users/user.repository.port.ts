import type { CursorPage, CursorPageRequest, PageRequest } from '../shared/pagination';
import type { Email } from './email';
import type { User } from './user';
import type { UserId } from './user-id';
import type { UserStatus } from './user-status';

/** Every field is optional and they are ANDed; text matches are case-insensitive substrings with `%` and `_` taken literally. */
export interface UserSearchCriteria {
  readonly emailContains?: string;
  readonly nameContains?: string;
  readonly status?: UserStatus;
  /** A role name such as 'admin'. */
  readonly role?: string;
}

/**
 * Users, soft-deleted ones excepted: no method ever returns or finds a user whose deletedAt is set,
 * and such a user's email is free to be registered again. Every list is newest first
 * (createdAt desc, id desc).
 */
export interface UserRepository {
  findById(id: UserId): Promise<User | null>;
  findByEmail(email: Email): Promise<User | null>;
  /**
   * Inserts or updates in one statement; never check-then-insert. Stores the entity's own
   * timestamps (not the database clock). An update never changes id, createdAt or deletedAt:
   * soft deletion only happens through `softDelete`.
   * @throws EmailTakenError when another live user has the email.
   * @throws NotFoundError when the id belongs to a soft-deleted user.
   */
  save(user: User): Promise<void>;
  /** @throws NotFoundError when the user does not exist or is already deleted. */
  softDelete(id: UserId): Promise<void>;
  /** ACTIVE users only. */
  findActivePage(page: PageRequest): Promise<User[]>;
  /** ACTIVE users only, by keyset cursor. */
  findActiveAfter(page: CursorPageRequest): Promise<CursorPage<User>>;
  /** Users of any status matching every given criterion. */
  search(criteria: UserSearchCriteria, page: PageRequest): Promise<User[]>;
  /** Users of any status holding the role; an unknown role gives []. */
  findByRole(roleName: string, page: PageRequest): Promise<User[]>;
}
