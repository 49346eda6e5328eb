import { ConflictError } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { RetryCounter, withTransientRetry } from './retry';

// Errors shaped as Prisma 7 raises them (see database-error.ts); the real thing, a deadlock on
// PostgreSQL, is exercised in test/unit-of-work.
const driverError = (sqlState: string) =>
  new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: \`${sqlState}\``, {
    code: 'P2010',
    clientVersion: 'test',
    meta: { driverAdapterError: { cause: { originalCode: sqlState, kind: 'TransactionWriteConflict' } } },
  });
const writeConflict = () =>
  new Prisma.PrismaClientKnownRequestError('Transaction failed due to a write conflict or a deadlock', {
    code: 'P2034',
    clientVersion: 'test',
  });
const policy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

describe('withTransientRetry', () => {
  it.each([
    ['a serialization failure (40001)', driverError('40001')],
    ['a deadlock (40P01)', driverError('40P01')],
    ['a Prisma write conflict (P2034)', writeConflict()],
  ])('runs the work again after %s and returns its result', async (_, failure) => {
    let calls = 0;
    const result = await withTransientRetry(
      'test',
      async () => {
        calls++;
        if (calls < 3) throw failure;
        return 'done';
      },
      { retries: new RetryCounter(), policy },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up with ConflictError after the last attempt, keeping the cause', async () => {
    let calls = 0;
    const failure = driverError('40001');
    const error = await withTransientRetry(
      'transfer',
      async () => {
        calls++;
        throw failure;
      },
      { retries: new RetryCounter(), policy },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'CONFLICT', attempts: 4, operation: 'transfer', cause: failure });
    expect(calls).toBe(4);
  });

  it('does not retry any other error', async () => {
    let calls = 0;
    const failure = driverError('23505');
    await expect(
      withTransientRetry(
        'test',
        async () => {
          calls++;
          throw failure;
        },
        { retries: new RetryCounter(), policy },
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });
});

describe('RetryCounter', () => {
  it('counts re-runs and give-ups only on the counter it was handed', async () => {
    const mine = new RetryCounter();
    const theirs = new RetryCounter();
    let calls = 0;
    await withTransientRetry(
      'test',
      async () => {
        if (++calls < 3) throw driverError('40001');
        return 'done';
      },
      { retries: mine, policy },
    );
    await withTransientRetry(
      'test',
      async () => {
        throw writeConflict();
      },
      { retries: theirs, policy },
    ).catch(() => {});

    expect(mine.snapshot()).toEqual({ retried: 2, exhausted: 0 });
    expect(theirs.snapshot()).toEqual({ retried: 3, exhausted: 1 });
  });

  it('hands out a snapshot that later retries do not change', async () => {
    const retries = new RetryCounter();
    const before = retries.snapshot();
    retries.retried++;
    expect(before).toEqual({ retried: 0, exhausted: 0 });
    expect(retries.snapshot()).toEqual({ retried: 1, exhausted: 0 });
  });
});
