import {
  UserId,
  type CursorPage,
  type CursorPageRequest,
  type Email,
  type PageRequest,
  type User,
  type UserRepository,
  type UserSearchCriteria,
} from '@stratum/domain';
import type { Invalidation } from '../store/cache.port';
import type { RepositoryCache } from '../read-through/repository-cache';
import { writeThenInvalidate } from './write-then-invalidate';

/**
 * Users by id and by email through the cache; lists and searches go straight to `inner`.
 * The email entry holds only the owner's id, and the user it points to is checked, so a changed
 * or deleted email can never be answered with an outdated user.
 */
export class CachedUserRepository implements UserRepository {
  /**
   * @param loader what cache misses load from. It must read the primary: a fill from a lagging
   * replica just after an invalidation would be cached until the TTL. Defaults to `inner`.
   */
  constructor(
    private readonly inner: UserRepository,
    private readonly cache: RepositoryCache,
    private readonly loader: UserRepository = inner,
  ) {}

  findById(id: UserId): Promise<User | null> {
    return this.cache.read(this.cache.keys.user(id.value), () => this.loader.findById(id));
  }

  async findByEmail(email: Email): Promise<User | null> {
    const entry = this.cache.keys.userEmail(email.value);
    let loaded: User | null | undefined;
    const ownerId = await this.cache.read(entry, async () => {
      loaded = await this.loader.findByEmail(email);
      return loaded?.id.value ?? null;
    });
    // This call ran the load itself, so it already holds the database's answer.
    if (loaded !== undefined) return loaded;
    if (ownerId === null) return null;
    const owner = await this.findById(UserId.of(ownerId));
    if (owner?.email.equals(email)) return owner;
    // The index outlived an email change or a deletion: drop it and ask the database.
    await this.cache.invalidate({ keys: [entry.key], namespaces: [] });
    return this.loader.findByEmail(email);
  }

  save(user: User): Promise<void> {
    // The new email's entry may hold "nobody"; the old email's entry is caught by the owner check.
    return writeThenInvalidate(
      this.cache,
      () => this.invalidationOf(user.id, this.cache.keys.userEmail(user.email.value).key),
      () => this.inner.save(user),
    );
  }

  softDelete(id: UserId): Promise<void> {
    return writeThenInvalidate(
      this.cache,
      () => this.invalidationOf(id),
      () => this.inner.softDelete(id),
    );
  }

  findActivePage(page: PageRequest): Promise<User[]> {
    return this.inner.findActivePage(page);
  }

  findActiveAfter(page: CursorPageRequest): Promise<CursorPage<User>> {
    return this.inner.findActiveAfter(page);
  }

  search(criteria: UserSearchCriteria, page: PageRequest): Promise<User[]> {
    return this.inner.search(criteria, page);
  }

  findByRole(roleName: string, page: PageRequest): Promise<User[]> {
    return this.inner.findByRole(roleName, page);
  }

  private invalidationOf(id: UserId, ...more: string[]): Invalidation {
    return { keys: [this.cache.keys.user(id.value).key, ...more], namespaces: [] };
  }
}
