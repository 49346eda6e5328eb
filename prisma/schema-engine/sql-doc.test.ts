import { describe, expect, it } from 'vitest';
import { parseSqlDoc } from './sql-doc.mjs';

describe('parseSqlDoc', () => {
  it('reads the description and every part of a parameter', () => {
    const doc = parseSqlDoc(
      [
        '-- @description Users by status',
        '-- @param {UserStatus} $1:status? the status, or null for all',
        '--   @param {Int} $2:limit',
        'SELECT * FROM users WHERE status = $1 LIMIT $2',
      ].join('\n'),
      ['UserStatus'],
    );
    expect(doc.description).toBe('Users by status');
    expect(doc.parameterAt(1)).toEqual({
      typ: 'UserStatus',
      position: 1,
      alias: 'status',
      nullable: true,
      documentation: 'the status, or null for all',
    });
    expect(doc.parameterAt(2)).toEqual({ typ: 'int', position: 2, alias: 'limit' });
  });

  it('ignores comments that are not annotations and lines that are not comments', () => {
    const doc = parseSqlDoc('-- just a note\nSELECT 1 -- @param $1:x\n');
    expect(doc.parameters).toEqual([]);
    expect(doc.description).toBeUndefined();
  });

  it('refuses an unknown type, naming the accepted ones', () => {
    expect(() => parseSqlDoc('-- @param {Text} $1:x')).toThrow(
      /invalid type: 'Text' \(accepted types are: 'Int'/,
    );
  });

  it('refuses a parameter with neither position nor alias', () => {
    expect(() => parseSqlDoc('-- @param {Int} the limit')).toThrow(/missing position or alias/);
  });

  it('refuses a position that is not a number', () => {
    expect(() => parseSqlDoc('-- @param $1f:x')).toThrow(/invalid position. Expected a number found: 1f/);
  });

  it('refuses two annotations of one parameter', () => {
    expect(() => parseSqlDoc('-- @param $1:a\n-- @param $1:b')).toThrow(/duplicate parameter/);
  });
});
