import { createHash } from 'node:crypto';
import type { ExclusiveJobs, ExclusiveRun, JobRepositories } from '@stratum/domain';
import type { PrismaClient } from '@stratum/prisma';
import { createPrismaRepositories } from '../prisma-repositories';
import { PrismaSessionRepository } from '../sessions/prisma-session.repository';

/** The first key of our jobs' advisory locks ("STRA"): apart from Prisma Migrate's single-key lock. */
export const JOB_LOCK_SPACE = 0x53545241;

/** A job's second lock key: from its name, the same in every process and on every server version. */
export function jobLockKey(job: string): number {
  return createHash('sha256').update(job).digest().readInt32BE(0);
}

export interface ExclusiveJobsOptions {
  /** The job's transaction is rolled back past this; a job does its work in bounded batches. */
  timeoutMs: number;
}

/**
 * Jobs under a transaction-scoped advisory lock (`pg_try_advisory_xact_lock`), taken in the
 * transaction the job runs in. Transaction-scoped on purpose: behind PgBouncer in transaction mode
 * a session-level lock would stay on whichever server connection took it, which the bouncer then
 * lends to other clients, and its unlock could run on another connection and release nothing.
 */
export class PrismaExclusiveJobs implements ExclusiveJobs {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: ExclusiveJobsOptions = { timeoutMs: 60_000 },
  ) {}

  runAlone<T>(job: string, work: (repositories: JobRepositories) => Promise<T>): Promise<ExclusiveRun<T>> {
    return this.prisma.$transaction(
      async (tx): Promise<ExclusiveRun<T>> => {
        const [row] = await tx.$queryRaw<Array<{ locked: boolean }>>`
          SELECT pg_try_advisory_xact_lock(${JOB_LOCK_SPACE}::int, ${jobLockKey(job)}::int) AS locked`;
        if (!row?.locked) return { ran: false };
        const repositories = { ...createPrismaRepositories(tx), sessions: new PrismaSessionRepository(tx) };
        return { ran: true, value: await work(repositories) };
      },
      { timeout: this.options.timeoutMs },
    );
  }
}
