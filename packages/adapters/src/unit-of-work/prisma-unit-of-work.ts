import type { Repositories, UnitOfWork } from '@stratum/domain';
import type { PrismaClient } from '@stratum/prisma';
import { createPrismaRepositories } from '../prisma-repositories';
import { DEFAULT_RETRY_POLICY, RetryCounter, withTransientRetry, type RetryPolicy } from '../shared/retry';

export interface UnitOfWorkOptions {
  /** Longest wait for a connection to start the transaction. */
  maxWaitMs: number;
  /** A transaction still open after this is rolled back by Prisma. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Where re-runs and give-ups are counted; share it with createPrismaRepositories. By default a new one. */
  retries: RetryCounter;
}

const DEFAULTS: Omit<UnitOfWorkOptions, 'retries'> = {
  maxWaitMs: 5_000,
  timeoutMs: 10_000,
  retry: DEFAULT_RETRY_POLICY,
};

/**
 * One interactive transaction per `run`, with repositories built on its transaction client. A
 * serialization failure or deadlock anywhere inside re-runs the whole of `work` (so `work` must
 * not have effects outside the database); any other error rolls back and is rethrown as it is.
 */
export class PrismaUnitOfWork implements UnitOfWork {
  private readonly options: UnitOfWorkOptions;

  constructor(
    private readonly prisma: PrismaClient,
    options: Partial<UnitOfWorkOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options, retries: options.retries ?? new RetryCounter() };
  }

  /** The counter this unit of work reports its retries to. */
  get retries(): RetryCounter {
    return this.options.retries;
  }

  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    const { maxWaitMs, timeoutMs, retry, retries } = this.options;
    return withTransientRetry(
      'unit of work',
      () =>
        this.prisma.$transaction((tx) => work(createPrismaRepositories(tx, { retries })), {
          maxWait: maxWaitMs,
          timeout: timeoutMs,
        }),
      { retries, policy: retry },
    );
  }
}
