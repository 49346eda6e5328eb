import { describe, expect, it } from 'vitest';
import { ValidationError } from './common.errors';
import { encodeCursor } from './cursor';
import { CursorPageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest, toCursorPage } from './pagination';

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ValidationError ? error.field : 'not a ValidationError';
  }
  return undefined;
}

describe('PageRequest', () => {
  it('defaults to the first page of twenty', () => {
    expect(PageRequest.of()).toMatchObject({ limit: DEFAULT_PAGE_SIZE, offset: 0 });
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  it('accepts limits from 1 to 100', () => {
    expect(PageRequest.of({ limit: 1 }).limit).toBe(1);
    expect(PageRequest.of({ limit: MAX_PAGE_SIZE }).limit).toBe(100);
  });

  it.each([0, -1, 101, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a limit of %s, naming the field',
    (limit) => {
      expect(fieldOf(() => PageRequest.of({ limit }))).toBe('limit');
    },
  );

  it.each([-1, 0.5, Number.NaN])('refuses an offset of %s, naming the field', (offset) => {
    expect(fieldOf(() => PageRequest.of({ offset }))).toBe('offset');
  });

  it('moves on to the next page', () => {
    expect(PageRequest.of({ limit: 10, offset: 20 }).next()).toMatchObject({ limit: 10, offset: 30 });
  });
});

describe('CursorPageRequest', () => {
  const position = {
    createdAt: new Date('2025-01-02T03:04:05.678Z'),
    id: '0b8e7a9c-8f1e-4f7a-9d2b-3c4d5e6f7a8b',
  };

  it('starts at the beginning without a cursor', () => {
    expect(CursorPageRequest.first()).toMatchObject({ limit: 20, after: null, position: null });
  });

  it('decodes the cursor once, up front', () => {
    const request = CursorPageRequest.of({ limit: 5, after: encodeCursor(position) });
    expect(request.position).toEqual(position);
  });

  it('refuses a limit out of bounds and a forged cursor, naming each field', () => {
    expect(fieldOf(() => CursorPageRequest.of({ limit: 0 }))).toBe('limit');
    expect(fieldOf(() => CursorPageRequest.of({ limit: 101 }))).toBe('limit');
    expect(fieldOf(() => CursorPageRequest.of({ after: 'not a cursor' }))).toBe('cursor');
  });
});

describe('toCursorPage', () => {
  const rows = [3, 2, 1].map((n) => ({
    n,
    createdAt: new Date(n * 1000),
    id: `00000000-0000-4000-8000-00000000000${n}`,
  }));
  const positionOf = (row: (typeof rows)[number]) => ({ createdAt: row.createdAt, id: row.id });

  it('gives a cursor to the last item when a row beyond the limit was fetched', () => {
    const page = toCursorPage(rows, 2, positionOf);
    expect(page.items.map((row) => row.n)).toEqual([3, 2]);
    expect(CursorPageRequest.of({ after: page.nextCursor }).position).toEqual(positionOf(rows[1]!));
  });

  it('gives no cursor when nothing follows', () => {
    expect(toCursorPage(rows, 3, positionOf).nextCursor).toBeNull();
    expect(toCursorPage([], 3, positionOf)).toEqual({ items: [], nextCursor: null });
  });
});
