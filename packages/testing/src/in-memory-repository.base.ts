import {
  compareNewestFirst,
  type CursorPage,
  type CursorPageRequest,
  type CursorPosition,
  isPastCursor,
  type PageRequest,
  toCursorPage,
} from '@stratum/domain';
import type { InMemoryStore } from './in-memory-store';

export interface InMemoryRepositoryOptions {
  /** Set by InMemoryUnitOfWork: the unit already holds the store, so operations must not wait for it. */
  readonly inUnitOfWork?: boolean;
}

/**
 * Base of the fakes. Every operation runs as one synchronous block inside `atomically`, never
 * awaiting half-way, so concurrent calls interleave only between operations, the way row locks
 * and guarded updates make them in PostgreSQL.
 */
export abstract class InMemoryRepository {
  constructor(
    protected readonly store: InMemoryStore,
    private readonly options: InMemoryRepositoryOptions = {},
  ) {}

  protected atomically<T>(operation: () => T): Promise<T> {
    if (this.options.inUnitOfWork) return Promise.resolve().then(operation);
    return this.store.exclusive(operation);
  }
}

export function newestFirst<T>(items: Iterable<T>, positionOf: (item: T) => CursorPosition): T[] {
  return [...items].sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
}

export function offsetPage<T>(sorted: readonly T[], page: PageRequest): T[] {
  return sorted.slice(page.offset, page.offset + page.limit);
}

export function cursorPage<T>(
  sorted: readonly T[],
  page: CursorPageRequest,
  positionOf: (item: T) => CursorPosition,
): CursorPage<T> {
  const { position } = page;
  const rest = position === null ? sorted : sorted.filter((item) => isPastCursor(positionOf(item), position));
  return toCursorPage(rest.slice(0, page.limit + 1), page.limit, positionOf);
}

export function byCreatedAtAndId(entity: { createdAt: Date; id: { value: string } }): CursorPosition {
  return { createdAt: entity.createdAt, id: entity.id.value };
}
