import { describe, expect, it } from 'vitest';
import { ValidationError } from './common.errors';
import { compareNewestFirst, decodeCursor, encodeCursor, isPastCursor } from './cursor';

const id = 'A0B8E7A9-8F1E-4F7A-9D2B-3C4D5E6F7A8B';

describe('cursor codec', () => {
  it('round-trips a position, with the id lower-cased and milliseconds kept', () => {
    const createdAt = new Date('2025-06-30T23:59:59.999Z');
    expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id: id.toLowerCase() });
  });

  it('is url-safe', () => {
    expect(encodeCursor({ createdAt: new Date(), id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const forge = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an object', forge({ createdAt: '2025-01-01T00:00:00.000Z', id })],
    ['too few values', forge(['2025-01-01T00:00:00.000Z'])],
    ['a bad date', forge(['2025-13-01T00:00:00.000Z', id])],
    ['a non-canonical date', forge(['2025-01-01', id])],
    ['a bad id', forge(['2025-01-01T00:00:00.000Z', 'x'])],
    ["'; DROP TABLE", forge(["'; DROP TABLE users; --", id])],
    ['dated year 0', forge(['0000-01-01T00:00:00.000Z', id])],
    ['dated before 1970', forge(['1969-12-31T23:59:59.999Z', id])],
    ['dated in a six-digit year', forge(['+275760-09-13T00:00:00.000Z', id])],
    ['dated in a negative year', forge(['-000001-01-01T00:00:00.000Z', id])],
    ['far too long', 'A'.repeat(10_000)],
  ])('refuses a cursor that is %s with ValidationError(cursor)', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as ValidationError).field).toBe('cursor');
    }
  });
});

describe('newest-first ordering', () => {
  const at = (ms: number, suffix: string) => ({
    createdAt: new Date(ms),
    id: `00000000-0000-4000-8000-0000000000${suffix}`,
  });

  it('sorts by createdAt descending, then id descending', () => {
    const sorted = [at(1, '01'), at(2, '01'), at(2, '02')].sort(compareNewestFirst);
    expect(sorted).toEqual([at(2, '02'), at(2, '01'), at(1, '01')]);
  });

  it('puts positions sharing the cursor instant after it only when their id is smaller', () => {
    expect(isPastCursor(at(2, '01'), at(2, '02'))).toBe(true);
    expect(isPastCursor(at(2, '03'), at(2, '02'))).toBe(false);
    expect(isPastCursor(at(2, '02'), at(2, '02'))).toBe(false);
    expect(isPastCursor(at(1, '99'), at(2, '02'))).toBe(true);
  });
});
