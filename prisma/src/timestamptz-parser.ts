import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;
// What PostgreSQL prints for a timestamptz in ISO DateStyle: date, time, optional fraction and
// an offset of hours (and minutes). Anything else (infinity, BC dates, five-digit years, offsets
// with seconds) goes to pg's own parser.
const COMMON_TIMESTAMPTZ = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/;

/**
 * timestamptz text to a Date through V8's own parser, which reads this format exactly as pg's
 * postgres-date does (fractions past the millisecond cut, not rounded) at a third of its cost:
 * a page of twenty users carries sixty of them, and they were the largest single cost of the
 * driver in the profile of a page read (apps/bench/README.md).
 */
export function parseTimestamptz(text: string): Date {
  return COMMON_TIMESTAMPTZ.test(text)
    ? new Date(text)
    : (pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text')(text) as Date);
}

/** pg's type parsers, with timestamptz read by parseTimestamptz. */
export const directSqlTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === TIMESTAMPTZ_OID && format !== 'binary') return parseTimestamptz;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};
