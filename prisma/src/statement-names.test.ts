import { describe, expect, it } from 'vitest';
import { statementNamer } from './statement-names';

describe('statementNamer', () => {
  it('gives the same text the same name and different texts different names', () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT 1' });
    expect(a).toMatch(/^s_[A-Za-z0-9_-]{27}$/);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(name({ sql: 'SELECT 2' })).not.toBe(a);
  });

  it('leaves new texts unnamed past its limit, and keeps naming the ones it knows', () => {
    const name = statementNamer(2);
    const first = name({ sql: 'SELECT 1' });
    name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect(name({ sql: 'SELECT 1' })).toBe(first);
  });
});
