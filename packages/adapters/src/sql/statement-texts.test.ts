import { Prisma } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { StatementTexts } from './statement-texts';

const byId = (id: string) => Prisma.sql`SELECT * FROM users WHERE id = ${id}::uuid`;
const byIds = (ids: string[]) =>
  Prisma.sql`SELECT * FROM users WHERE id IN (${Prisma.join(ids)}) ${ids.length > 1 ? Prisma.sql`ORDER BY id` : Prisma.empty}`;

describe('StatementTexts', () => {
  it('gives each shape its own text and name, the same objects on every call', () => {
    let named = 0;
    const texts = new StatementTexts(({ sql }) => `s${++named}_${sql.length}`);
    const first = texts.of(byId('a'));
    expect(first.text).toBe('SELECT * FROM users WHERE id = $1::uuid');
    expect(texts.of(byId('b'))).toBe(first);
    const two = texts.of(byIds(['a', 'b']));
    const three = texts.of(byIds(['a', 'b', 'c']));
    expect(two.text).toBe(byIds(['x', 'y']).text);
    expect(three.text).toBe(byIds(['x', 'y', 'z']).text);
    expect(new Set([first.name, two.name, three.name]).size).toBe(3);
    expect(texts.of(byIds(['c', 'd']))).toBe(two);
    expect(named).toBe(3);
  });

  it('builds texts per call, uncached, past its limit of shapes', () => {
    const texts = new StatementTexts(() => undefined, 1);
    texts.of(byId('a'));
    const other = texts.of(byIds(['a', 'b']));
    expect(other.text).toBe(byIds(['a', 'b']).text);
    expect(texts.of(byIds(['a', 'b']))).not.toBe(other);
  });
});
