import { ProductId } from '@stratum/domain';
import { expect, it } from 'vitest';
import { createPrismaRepositories } from '../../src/prisma-repositories';
import { RetryCounter } from '../../src/shared/retry';
import { PrismaUnitOfWork } from '../../src/unit-of-work/prisma-unit-of-work';
import { describeEachRoute, useTestDatabase } from '../support/test-database';

describeEachRoute('a unit of work that PostgreSQL aborts as a deadlock victim', (route) => {
  const handle = useTestDatabase({ route });

  it('is run again from the start, and both crossing units of work commit exactly once', async () => {
    const { prisma } = handle.database;
    const [a, b] = [ProductId.random(), ProductId.random()];
    await prisma.$executeRaw`
      INSERT INTO products (id, sku, name, price, stock)
      VALUES (${a.value}::uuid, ${`SKU-${a.value}`}, 'A', 1, 10), (${b.value}::uuid, ${`SKU-${b.value}`}, 'B', 1, 10)`;
    const retries = new RetryCounter();
    const unitOfWork = new PrismaUnitOfWork(prisma, { retries });
    // A second graph on the same database, working meanwhile: its retries are its own.
    const otherRetries = new RetryCounter();
    const otherGraph = {
      repositories: createPrismaRepositories(prisma, { retries: otherRetries }),
      unitOfWork: new PrismaUnitOfWork(prisma, { retries: otherRetries }),
    };
    let attempts = 0;
    let holding = 0;
    let release!: () => void;
    const bothHoldTheirFirstLock = new Promise<void>((resolve) => (release = resolve));

    // Each unit takes one product's row lock, waits until the other holds its own, then reaches
    // for the other's: a lock cycle PostgreSQL breaks (after deadlock_timeout, 1 s by default) by
    // aborting one of them with 40P01. The retry finds the barrier already open.
    const crossing = (first: ProductId, second: ProductId) =>
      unitOfWork.run(async ({ products }) => {
        attempts++;
        await products.adjustStock(first, -1);
        if (++holding === 2) release();
        await bothHoldTheirFirstLock;
        await products.adjustStock(second, -1);
      });

    await Promise.all([
      crossing(a, b),
      crossing(b, a),
      otherGraph.unitOfWork.run(({ products }) => products.findById(a)),
      otherGraph.repositories.products.findById(b),
    ]);

    expect(attempts).toBe(3);
    expect(retries.snapshot()).toEqual({ retried: 1, exhausted: 0 });
    expect(otherRetries.snapshot()).toEqual({ retried: 0, exhausted: 0 });
    expect(new PrismaUnitOfWork(prisma).retries.snapshot()).toEqual({ retried: 0, exhausted: 0 });
    const stock = await prisma.$queryRaw<Array<{ stock: number }>>`
      SELECT stock FROM products WHERE id IN (${a.value}::uuid, ${b.value}::uuid)`;
    // Two units took one unit each from each product; the aborted attempt left nothing behind.
    expect(stock.map((row) => row.stock)).toEqual([8, 8]);
  });
});
