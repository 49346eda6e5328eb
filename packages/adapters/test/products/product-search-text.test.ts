import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TEXT_LENGTH, toSearchText } from '../../src/products/product-search-text';

describe('toSearchText', () => {
  it('gives null for a blank query, NUL characters included', () => {
    for (const blank of ['', '   ', '\n\t', '\u0000', ' \u0000 \u0000 '])
      expect(toSearchText(blank)).toBeNull();
  });

  it('turns NUL characters into spaces, so they never join two words', () => {
    expect(toSearchText('kettle\u0000lid\u0000')).toBe('kettle lid');
  });

  it('passes quotes, operators and brackets through untouched for websearch_to_tsquery to read as text', () => {
    const hostile = `'; DROP TABLE products; -- a:*B & !c | (d <2> e) "`;
    expect(toSearchText(hostile)).toBe(hostile);
  });

  it('cuts a long query after the last whole word that fits', () => {
    const text = toSearchText('kettle '.repeat(1_000))!;

    expect(text.length).toBeLessThanOrEqual(MAX_SEARCH_TEXT_LENGTH);
    expect(text.split(' ').every((word) => word === 'kettle')).toBe(true);
  });

  it('keeps the last word whole when the cut falls just after it', () => {
    const words = `${'a'.repeat(MAX_SEARCH_TEXT_LENGTH - 5)} last more`;

    expect(toSearchText(words)).toBe(`${'a'.repeat(MAX_SEARCH_TEXT_LENGTH - 5)} last`);
  });

  it('cuts a single endless word at the limit', () => {
    expect(toSearchText('x'.repeat(10_000))).toBe('x'.repeat(MAX_SEARCH_TEXT_LENGTH));
  });
});
