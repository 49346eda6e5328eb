import { PageRequest, type Product } from '@stratum/domain';
import { ProductMother, RandomMother } from '@stratum/testing';
import { describe, expect, it } from 'vitest';
import { prismaSubject, useTestDatabase } from '../support/test-database';

const handle = useTestDatabase();
const products = () => prismaSubject(handle).products;
const page = PageRequest.of({ limit: 100 });

async function saved(name: string): Promise<Product> {
  const product = ProductMother.random({ name });
  await products().save(product);
  return product;
}

async function searchIds(query: string): Promise<string[]> {
  return (await products().search(query, page)).map((hit) => hit.product.id.value);
}

describe('searching products with whatever a user types', () => {
  it('reads tsquery operators, quotes and brackets as nothing but the words around them', async () => {
    const word = RandomMother.word();
    const product = await saved(`Sturdy ${word}`);

    for (const query of [
      `!${word}`,
      `${word}:*`,
      `(${word}`,
      `${word})`,
      `${word} & |`,
      `'${word}'`,
      `"${word}`,
      `${word} <->`,
      `${word}\\`,
    ]) {
      expect(await searchIds(query), query).toEqual([product.id.value]);
    }
  });

  it('survives hostile and malformed queries, leaving the table as it was', async () => {
    const word = RandomMother.word();
    const product = await saved(`Sturdy ${word}`);
    const before = await handle.database.prisma.product.count();
    const hostile = [
      "'; DROP TABLE products; --",
      `${word}'; DELETE FROM products WHERE ''='`,
      '!',
      '&',
      '|',
      '<->',
      ':*',
      '<2>',
      '(((',
      ')))',
      '(a & b',
      'a | b)',
      '!!!(',
      '\\',
      "'",
      '"',
      '\u0000',
      `${word}\u0000`,
      '\uD800',
      'x'.repeat(10_000),
      `${word} `.repeat(2_000),
    ];

    for (const query of hostile) {
      await expect(
        products().search(query, page),
        JSON.stringify(query.slice(0, 30)),
      ).resolves.toBeInstanceOf(Array);
    }

    expect(await handle.database.prisma.product.count()).toBe(before);
    expect(await searchIds(word)).toEqual([product.id.value]);
  });

  it('treats a NUL character as a space between words', async () => {
    const first = RandomMother.word();
    const second = RandomMother.word();
    const product = await saved(`${first} ${second}`);

    expect(await searchIds(`${first}\u0000${second}\u0000`)).toEqual([product.id.value]);
  });

  it('judges only the first thousand characters of a longer query', async () => {
    const word = RandomMother.word();
    const product = await saved(`Sturdy ${word}`);
    // The unknown word comes after the cut, so it cannot veto the match.
    const query = `${word} ${'sturdy '.repeat(200)}${RandomMother.word()}`;

    expect(await searchIds(query)).toEqual([product.id.value]);
  });

  it('finds nothing for a query of stop words only', async () => {
    await saved('The one and only');
    expect(await searchIds('the and of')).toEqual([]);
  });
});
