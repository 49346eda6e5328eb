import { UserMother } from '@stratum/testing';
import type { ReplicaRoutingConfig } from '@stratum/prisma';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { createReadReplication, type ReadReplication } from '../../src/replicas/read-replication';
import { ReadSession } from '../../src/replicas/read-session';
import { PrismaUserRepository } from '../../src/users/prisma-user.repository';
import {
  ON_DEMAND_ROUTING,
  replicaSkipReason,
  useReplicatedDatabase,
} from '../support/replication/replicated-database';

const skipReason = replicaSkipReason();

const ROUTING = ON_DEMAND_ROUTING;

describe.skipIf(skipReason !== null)(
  `reads on a streaming standby${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const db = useReplicatedDatabase();
    const running: ReadReplication[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((replication) => replication.stop()));
      // A test that failed half-way must not leave replay paused for the next one.
      await db.resumeReplay();
    });

    async function replication(overrides: Partial<ReplicaRoutingConfig> = {}): Promise<ReadReplication> {
      const started = createReadReplication(db.primary, [db.replica], { ...ROUTING, ...overrides });
      running.push(started);
      // Which server answered is read from the router's counters: show them when a test fails.
      onTestFailed(() => console.error('replication report:', JSON.stringify(started.report(), null, 2)));
      await started.start();
      // Every test starts from a standby that has caught up and been judged fit.
      await db.waitForReplay();
      await until(async () => {
        await started.monitor.refresh();
        return started.monitor.status(db.replica.name).state === 'up';
      });
      return started;
    }

    /** Runs `read` and tells which server answered it, from the router's own counters. */
    async function answeredBy<T>(replication: ReadReplication, read: () => Promise<T>) {
      const replicaReads = () => {
        const [replica] = replication.report().replicas;
        return (replica?.reads ?? 0) - (replica?.errors ?? 0);
      };
      const before = replicaReads();
      const result = await read();
      return { result, by: replicaReads() > before ? 'replica' : 'primary' };
    }

    const users = () => new PrismaUserRepository(db.primary.prisma);
    const readers = (replication: ReadReplication, session = ReadSession.readYourWrites()) =>
      new PrismaUserRepository(replication.router.client(session));

    it('sends reads to the standby while it keeps up, and writes to the primary', async () => {
      const routed = await replication();
      const reads = routed.router.client(ReadSession.readYourWrites());
      const [server] = await reads.$queryRaw<
        Array<{ standby: boolean }>
      >`SELECT pg_is_in_recovery() AS standby`;
      expect(server?.standby).toBe(true);

      const user = UserMother.random();
      await users().save(user);
      // A write through the read client still runs on the primary: the standby would refuse it.
      const { count } = await reads.user.updateMany({
        where: { id: user.id.value },
        data: { name: 'Renamed' },
      });
      expect(count).toBe(1);
      await db.waitForReplay();

      const found = await answeredBy(routed, () => new PrismaUserRepository(reads).findById(user.id));
      expect(found).toMatchObject({ by: 'replica', result: { name: 'Renamed' } });
      expect(routed.report().replicas[0]).toMatchObject({ state: 'up', lagBytes: 0, error: null });
      expect(routed.report().primary.fallbacks).toEqual({
        down: 0,
        lagging: 0,
        'behind-session': 0,
        'replica-error': 0,
      });
    });

    it('reads from the primary while the standby lags past the bound, and from the standby again once it catches up', async () => {
      const lagBound = await replication({ maxLagBytes: 1024 });
      await db.pauseReplay();
      const written = Array.from({ length: 20 }, () => UserMother.random());
      for (const user of written) await users().save(user);
      const last = written.at(-1)!;

      await lagBound.monitor.refresh();
      const lagging = lagBound.report().replicas[0];
      expect(lagging).toMatchObject({ state: 'lagging', replayPaused: true });
      expect(lagging?.lagBytes).toBeGreaterThan(1024);
      expect(lagging?.lagSeconds).not.toBeNull();
      const whileLagging = await answeredBy(lagBound, () => readers(lagBound).findById(last.id));
      expect(whileLagging.by).toBe('primary');
      expect(whileLagging.result?.id.value).toBe(last.id.value);
      expect(lagBound.report().primary.fallbacks.lagging).toBeGreaterThan(0);

      await db.resumeReplay();
      await until(async () => {
        await lagBound.monitor.refresh();
        return lagBound.monitor.status(db.replica.name).state === 'up';
      });
      const caughtUp = await answeredBy(lagBound, () => readers(lagBound).findById(last.id));
      expect(caughtUp.by).toBe('replica');
      expect(caughtUp.result?.id.value).toBe(last.id.value);
    });

    it('shows a session its own write at once, even while the standby replays nothing', async () => {
      const readYourWrites = await replication();
      await db.pauseReplay();
      const session = ReadSession.readYourWrites();
      const user = UserMother.random();
      await users().save(user);
      await readYourWrites.router.recordWrite(session);

      // Within the lag bound, so other sessions still read the standby, which lacks the user...
      const other = await answeredBy(readYourWrites, () => readers(readYourWrites).findById(user.id));
      expect(other).toEqual({ by: 'replica', result: null });
      // ...while the writer's session, in this request and the next (token), reads the primary.
      const own = await answeredBy(readYourWrites, () => readers(readYourWrites, session).findById(user.id));
      expect(own.by).toBe('primary');
      expect(own.result?.id.value).toBe(user.id.value);
      const nextRequest = ReadSession.readYourWrites(session.token());
      expect(await readers(readYourWrites, nextRequest).findById(user.id)).not.toBeNull();
      expect(readYourWrites.report().primary.fallbacks['behind-session']).toBe(2);

      await db.resumeReplay();
      await until(async () => {
        await readYourWrites.monitor.refresh();
        return (
          readYourWrites.monitor.status(db.replica.name).replayPosition?.isAtLeast(session.minPosition!) ??
          false
        );
      });
      const replayed = await answeredBy(readYourWrites, () =>
        readers(readYourWrites, nextRequest).findById(user.id),
      );
      expect(replayed.by).toBe('replica');
      expect(replayed.result?.id.value).toBe(user.id.value);
    });

    it('answers reads from the primary when the standby stops, and returns to it once it is back', async () => {
      // No probe between the stop and the first read: that read still believes the standby is up.
      const failover = await replication();
      const user = UserMother.random();
      await users().save(user);
      await db.waitForReplay();
      expect((await answeredBy(failover, () => readers(failover).findById(user.id))).by).toBe('replica');

      db.pair.standby.stop();
      try {
        const started = performance.now();
        const during = await readers(failover).findById(user.id);
        const elapsedMs = performance.now() - started;
        expect(during?.id.value).toBe(user.id.value);
        // Refused connections fail at once: far below any pool or probe timeout, even on a busy machine.
        expect(elapsedMs).toBeLessThan(3_000);
        expect(failover.report().primary.fallbacks['replica-error']).toBe(1);
        expect(failover.report().replicas[0]).toMatchObject({ state: 'down', errors: 1 });
        // Marked down by the failed read: the next read goes straight to the primary.
        expect(await readers(failover).findById(user.id)).not.toBeNull();
        expect(failover.report().primary.fallbacks.down).toBe(1);
        await failover.monitor.refresh();
        expect(failover.report().replicas[0]).toMatchObject({ state: 'down', error: expect.any(String) });
      } finally {
        db.pair.standby.start();
      }

      await until(async () => {
        await failover.monitor.refresh();
        return failover.monitor.status(db.replica.name).state === 'up';
      }, 15_000);
      const back = await answeredBy(failover, () => readers(failover).findById(user.id));
      expect(back.by).toBe('replica');
      expect(back.result?.id.value).toBe(user.id.value);
    });
  },
);

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
