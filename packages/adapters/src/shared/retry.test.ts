import { ConflictError } from '@stratum/domain';
import { Prisma } from '@stratum/prisma';
import { describe, expect, it } from 'vitest';
import { withTransientRetry } from './retry';

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
const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

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
      fast,
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
      fast,
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
        fast,
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });
});
