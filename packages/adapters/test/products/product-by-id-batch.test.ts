import { ProductId } from '@stratum/domain';
import { ProductMother } from '@stratum/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureQueries, type QueryCapture } from '../support/query-capture';
import { prismaSubject, useTestDatabase } from '../support/test-database';

describe('products looked up by id at the same time', () => {
  const handle = useTestDatabase({ emitQueryEvents: true });
  let capture: QueryCapture;
  beforeAll(() => {
    capture = captureQueries(handle.database.prisma);
  });

  it('are read in one query, each caller getting its own product with its exact price, or null', async () => {
    const { products } = prismaSubject(handle);
    const saved = [ProductMother.random(), ProductMother.random(), ProductMother.random()];
    for (const product of saved) await products.save(product);
    await products.softDelete(saved[2]!.id);
    capture.take();

    const found = await Promise.all([
      products.findById(saved[0]!.id),
      products.findById(saved[1]!.id),
      products.findById(saved[2]!.id),
      products.findById(ProductId.random()),
    ]);

    expect(found.map((product) => product?.id.value ?? null)).toEqual([
      saved[0]!.id.value,
      saved[1]!.id.value,
      null,
      null,
    ]);
    expect(found[1]!.price.equals(saved[1]!.price)).toBe(true);
    expect(capture.take()).toHaveLength(1);
  });
});
