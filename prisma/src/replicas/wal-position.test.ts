import { describe, expect, it } from 'vitest';
import { WalPosition } from './wal-position';

describe('WalPosition', () => {
  it('round-trips PostgreSQL text form, upper-casing the hex digits', () => {
    expect(WalPosition.parse('16/b374d848').toString()).toBe('16/B374D848');
    expect(WalPosition.parse('0/0').toString()).toBe('0/0');
  });

  it('orders positions across the 32-bit boundary', () => {
    const before = WalPosition.parse('0/FFFFFFFF');
    const after = WalPosition.parse('1/0');
    expect(after.isAtLeast(before)).toBe(true);
    expect(before.isAtLeast(after)).toBe(false);
    expect(after.bytesAfter(before)).toBe(1);
    expect(before.bytesAfter(after)).toBe(0);
  });

  it('keeps the later of two positions', () => {
    const a = WalPosition.parse('0/10');
    const b = WalPosition.parse('0/20');
    expect(WalPosition.max(a, b)).toBe(b);
    expect(WalPosition.max(b, a)).toBe(b);
    expect(WalPosition.max(null, a)).toBe(a);
  });

  it.each(['', '16', '16/', '/1', 'x/1', '1/2/3', '123456789/0'])('refuses "%s"', (text) => {
    expect(() => WalPosition.parse(text)).toThrow(RangeError);
    expect(WalPosition.tryParse(text)).toBeNull();
  });
});
