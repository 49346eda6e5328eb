import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from './timestamptz-parser';

const pgParse = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | number;

describe('parseTimestamptz', () => {
  it.each([
    '2024-01-01 10:00:00+00',
    '2024-01-01 10:00:00.123+00',
    '2024-02-29 23:59:59.999-03',
    '1999-12-31 23:59:59.9999+05:30',
    '2024-06-30 00:00:00.123456+14',
    '1970-01-01 00:00:00+00',
  ])("reads %s as pg's own parser does", (text) => {
    expect(parseTimestamptz(text).getTime()).toBe((pgParse(text) as Date).getTime());
  });

  it.each([
    'infinity',
    '-infinity',
    '0044-03-15 12:00:00+00 BC',
    '12024-01-01 10:00:00+00',
    '1900-01-01 00:00:00+00:09:21',
  ])('leaves %s to pg, which knows its special forms', (text) => {
    expect(String(parseTimestamptz(text))).toBe(String(pgParse(text)));
  });
});
