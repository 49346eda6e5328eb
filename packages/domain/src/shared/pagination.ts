import { ValidationError } from './common.errors';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

function parseLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new ValidationError('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/** Offset paging, for screens that jump to page n. Validated once here, so adapters trust it. */
export class PageRequest {
  private constructor(
    readonly limit: number,
    readonly offset: number,
  ) {}

  static of(input: { limit?: number; offset?: number } = {}): PageRequest {
    const offset = input.offset ?? 0;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new ValidationError('offset', 'must be a whole number of at least 0');
    }
    return new PageRequest(parseLimit(input.limit ?? DEFAULT_PAGE_SIZE), offset);
  }

  static first(limit: number = DEFAULT_PAGE_SIZE): PageRequest {
    return PageRequest.of({ limit });
  }

  next(): PageRequest {
    return new PageRequest(this.limit, this.offset + this.limit);
  }
}

/**
 * Keyset paging: stable under concurrent inserts, and as fast on page 1000 as on page 1.
 * The cursor is decoded here, so a forged or corrupt one fails as ValidationError('cursor')
 * before any query runs.
 */
export class CursorPageRequest {
  private constructor(
    readonly limit: number,
    /** The opaque cursor as the client sent it, or null for the first page. */
    readonly after: string | null,
    /** The decoded keyset position to continue after, or null for the first page. */
    readonly position: CursorPosition | null,
  ) {}

  static of(input: { limit?: number; after?: string | null } = {}): CursorPageRequest {
    const limit = parseLimit(input.limit ?? DEFAULT_PAGE_SIZE);
    const after = input.after ?? null;
    return new CursorPageRequest(limit, after, after === null ? null : decodeCursor(after));
  }

  static first(limit: number = DEFAULT_PAGE_SIZE): CursorPageRequest {
    return CursorPageRequest.of({ limit });
  }
}

export interface CursorPage<T> {
  readonly items: T[];
  /** Null exactly when there is nothing after this page. */
  readonly nextCursor: string | null;
}

/**
 * Builds a page from up to `limit + 1` rows already in newest-first order past the cursor:
 * fetching one extra row is how we know, without a COUNT, whether another page exists.
 */
export function toCursorPage<T>(
  rows: readonly T[],
  limit: number,
  positionOf: (row: T) => CursorPosition,
): CursorPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const hasMore = rows.length > limit && last !== undefined;
  return { items, nextCursor: hasMore ? encodeCursor(positionOf(last)) : null };
}
