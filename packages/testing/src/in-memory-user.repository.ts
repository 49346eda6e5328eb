import {
  type CursorPage,
  type CursorPageRequest,
  type Email,
  EmailTakenError,
  NotFoundError,
  type PageRequest,
  User,
  type UserId,
  type UserRepository,
  type UserSearchCriteria,
} from '@stratum/domain';
import {
  InMemoryRepository,
  byCreatedAtAndId,
  cursorPage,
  newestFirst,
  offsetPage,
} from './in-memory-repository.base';

export class InMemoryUserRepository extends InMemoryRepository implements UserRepository {
  findById(id: UserId): Promise<User | null> {
    return this.atomically(() => this.live(id.value));
  }

  findByEmail(email: Email): Promise<User | null> {
    return this.atomically(() => this.liveUsers().find((user) => user.email.equals(email)) ?? null);
  }

  save(user: User): Promise<void> {
    return this.atomically(() => {
      const existing = this.store.users.get(user.id.value);
      if (existing?.isDeleted) throw new NotFoundError('User', user.id.value);
      const holder = this.liveUsers().find((other) => other.email.equals(user.email));
      if (holder && !holder.id.equals(user.id)) throw new EmailTakenError(user.email.value);
      const stored = User.reconstitute({
        ...user.toProps(),
        createdAt: existing?.createdAt ?? user.createdAt,
        deletedAt: null,
      });
      this.store.users.set(stored.id.value, stored);
    });
  }

  softDelete(id: UserId): Promise<void> {
    return this.atomically(() => {
      const user = this.live(id.value);
      if (!user) throw new NotFoundError('User', id.value);
      const now = new Date();
      this.store.users.set(
        id.value,
        User.reconstitute({ ...user.toProps(), updatedAt: now, deletedAt: now }),
      );
    });
  }

  findActivePage(page: PageRequest): Promise<User[]> {
    return this.atomically(() => offsetPage(this.activeNewestFirst(), page));
  }

  findActiveAfter(page: CursorPageRequest): Promise<CursorPage<User>> {
    return this.atomically(() => cursorPage(this.activeNewestFirst(), page, byCreatedAtAndId));
  }

  search(criteria: UserSearchCriteria, page: PageRequest): Promise<User[]> {
    return this.atomically(() => {
      const emailPart = criteria.emailContains?.toLowerCase();
      const namePart = criteria.nameContains?.toLowerCase();
      const withRole = criteria.role === undefined ? null : this.userIdsWithRole(criteria.role);
      const matches = this.liveUsers().filter(
        (user) =>
          (emailPart === undefined || user.email.value.includes(emailPart)) &&
          (namePart === undefined || user.name.toLowerCase().includes(namePart)) &&
          (criteria.status === undefined || user.status === criteria.status) &&
          (withRole === null || withRole.has(user.id.value)),
      );
      return offsetPage(newestFirst(matches, byCreatedAtAndId), page);
    });
  }

  findByRole(roleName: string, page: PageRequest): Promise<User[]> {
    return this.atomically(() => {
      const withRole = this.userIdsWithRole(roleName);
      const holders = this.liveUsers().filter((user) => withRole.has(user.id.value));
      return offsetPage(newestFirst(holders, byCreatedAtAndId), page);
    });
  }

  private live(id: string): User | null {
    const user = this.store.users.get(id);
    return user && !user.isDeleted ? user : null;
  }

  private liveUsers(): User[] {
    return [...this.store.users.values()].filter((user) => !user.isDeleted);
  }

  private activeNewestFirst(): User[] {
    return newestFirst(
      this.liveUsers().filter((user) => user.status === 'ACTIVE'),
      byCreatedAtAndId,
    );
  }

  private userIdsWithRole(roleName: string): Set<string> {
    const role = [...this.store.roles.values()].find((candidate) => candidate.name === roleName);
    if (!role) return new Set();
    const ids = [...this.store.userRoles.values()].filter((link) => link.roleId === role.id.value);
    return new Set(ids.map((link) => link.userId));
  }
}
