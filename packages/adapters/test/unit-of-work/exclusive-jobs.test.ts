import { createHash } from 'node:crypto';
import { PageRequest, Session, UserId } from '@stratum/domain';
import pg from 'pg';
import { expect, it } from 'vitest';
import {
  JOB_LOCK_SPACE,
  PrismaExclusiveJobs,
  jobLockKey,
} from '../../src/unit-of-work/prisma-exclusive-jobs';
import { describeEachRoute, useTestDatabase } from '../support/test-database';

describeEachRoute('jobs that run on one instance at a time', (route) => {
  const handle = useTestDatabase({ route });
  const jobs = () => new PrismaExclusiveJobs(handle.database.prisma);

  /** Advisory locks of our jobs held on the server right now, seen directly, past any bouncer. */
  async function heldJobLocks(): Promise<number> {
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid`,
        [JOB_LOCK_SPACE],
      );
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  it('runs a job and hands back what it returned, holding no lock afterwards', async () => {
    const run = await jobs().runAlone('count users', ({ users }) =>
      users.findActivePage(PageRequest.of({ limit: 1 })),
    );
    expect(run).toMatchObject({ ran: true });
    expect(await heldJobLocks()).toBe(0);
  });

  it('skips, without waiting, a job that is running elsewhere, and runs other jobs meanwhile', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // Each run is a transaction on a server connection of its own, as another instance's would be.
    const first = jobs().runAlone('purge', async () => {
      started();
      await finished;
      return 'first';
    });
    await running;
    expect(await heldJobLocks()).toBe(1);

    const before = performance.now();
    expect(await jobs().runAlone('purge', async () => 'second')).toEqual({ ran: false });
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(await jobs().runAlone('sweep', async () => 'other')).toEqual({ ran: true, value: 'other' });

    finish();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await jobs().runAlone('purge', async () => 'third')).toEqual({ ran: true, value: 'third' });
    expect(await heldJobLocks()).toBe(0);
  });

  it('rolls back what a failing job wrote and releases its lock', async () => {
    const userId = UserId.random();
    await handle.database.prisma.$executeRaw`
      INSERT INTO users (id, email, name, password_hash)
      VALUES (${userId.value}::uuid, ${`${userId.value}@example.com`}, 'Job', 'x')`;
    const session = Session.start({
      userId,
      tokenHash: createHash('sha256').update(userId.value).digest('hex'),
      now: new Date(),
      ttlMs: 60_000,
    });
    const failing = jobs().runAlone('purge', async ({ sessions }) => {
      await sessions.create(session);
      throw new Error('job failed midway');
    });
    await expect(failing).rejects.toThrow('job failed midway');
    expect(await handle.database.prisma.session.count({ where: { userId: userId.value } })).toBe(0);
    expect(await heldJobLocks()).toBe(0);
    expect(await jobs().runAlone('purge', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  it('gives every job name its own lock key, the same in every process', () => {
    expect(jobLockKey('session-purge')).toBe(jobLockKey('session-purge'));
    expect(jobLockKey('session-purge')).not.toBe(jobLockKey('pending-order-sweep'));
  });
});
