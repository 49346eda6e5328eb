import type { ReplicaDatabase, ReplicaRoutingConfig } from '@stratum/prisma';
import { UserMother } from '@stratum/testing';
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

// One primary and two standbys for the whole file (three servers are what a 2-core machine shared
// with other test files can spare). The promotion test ends a standby's life as a standby: it runs last.
describe.skipIf(skipReason !== null)(
  `reads on two streaming standbys${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const db = useReplicatedDatabase({ standbys: 2 });
    const running: ReadReplication[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((replication) => replication.stop()));
      await db.resumeReplay();
    });

    async function replication(overrides: Partial<ReplicaRoutingConfig> = {}): Promise<ReadReplication> {
      const started = createReadReplication(db.primary, db.replicas, { ...ROUTING, ...overrides });
      running.push(started);
      onTestFailed(() => console.error('replication report:', JSON.stringify(started.report(), null, 2)));
      await started.start();
      await db.waitForReplay();
      await until(async () => {
        await started.monitor.refresh();
        return db.replicas.every((replica) => started.monitor.status(replica.name).state === 'up');
      });
      return started;
    }

    /** Successful reads per standby (reads routed there minus reads it failed), by name. */
    function servedBy(routed: ReadReplication): Record<string, number> {
      return Object.fromEntries(
        routed.report().replicas.map((replica) => [replica.name, replica.reads - replica.errors]),
      );
    }

    const [first, second] = [() => db.replicas[0]!, () => db.replicas[1]!];
    const users = () => new PrismaUserRepository(db.primary.prisma);
    const readers = (routed: ReadReplication, session = ReadSession.readYourWrites()) =>
      new PrismaUserRepository(routed.router.client(session));

    async function savedAndReplayed() {
      const user = UserMother.random();
      await users().save(user);
      await db.waitForReplay();
      return user;
    }

    async function readMany(
      routed: ReadReplication,
      id: ReturnType<typeof UserMother.random>['id'],
      times = 20,
    ) {
      for (let i = 0; i < times; i++) expect((await readers(routed).findById(id))?.id.value).toBe(id.value);
    }

    it('spreads reads over both standbys while both are fit', async () => {
      const routed = await replication();
      const user = await savedAndReplayed();

      await readMany(routed, user.id);

      expect(servedBy(routed)).toEqual({ [first().name]: 10, [second().name]: 10 });
      expect(Object.values(routed.report().primary.fallbacks).every((count) => count === 0)).toBe(true);
    });

    it('gives no reads to a standby whose replay is paused past the lag bound, and fails none', async () => {
      const routed = await replication({ maxLagBytes: 1024 });
      await db.pauseReplay(first());
      for (let i = 0; i < 20; i++) await users().save(UserMother.random());
      await db.waitForReplay(10_000, [second()]);
      await routed.monitor.refresh();
      expect(routed.monitor.status(first().name).state).toBe('lagging');
      const user = await savedAndReplayedOn(second());

      await readMany(routed, user.id);

      expect(servedBy(routed)).toEqual({ [first().name]: 0, [second().name]: 20 });
      expect(routed.report().primary.fallbacks).toMatchObject({ lagging: 0, 'replica-error': 0 });
    });

    it('gives no reads to a stopped standby: the one read that finds it gone is answered by the primary', async () => {
      const routed = await replication();
      const user = await savedAndReplayed();
      db.pair.standbys[0]!.stop();
      try {
        // No probe since the stop: the router still believes both are up until a read fails.
        await readMany(routed, user.id);

        const report = routed.report();
        expect(report.replicas.find((replica) => replica.name === first().name)).toMatchObject({
          state: 'down',
          errors: 1,
        });
        expect(report.primary.fallbacks['replica-error']).toBe(1);
        expect(servedBy(routed)[second().name]).toBe(19);
      } finally {
        db.pair.standbys[0]!.start();
      }
      await until(async () => {
        await routed.monitor.refresh();
        return routed.monitor.status(first().name).state === 'up';
      }, 15_000);
    });

    it('reads a session’s own write only from the standby that has replayed it', async () => {
      const routed = await replication();
      await db.pauseReplay(first());
      const session = ReadSession.readYourWrites();
      const user = UserMother.random();
      await users().save(user);
      await routed.router.recordWrite(session);
      await db.waitForReplay(10_000, [second()]);
      await routed.monitor.refresh();
      expect(routed.monitor.status(first().name).replayPosition?.isAtLeast(session.minPosition!)).toBe(false);

      for (let i = 0; i < 10; i++) {
        const nextRequest = ReadSession.readYourWrites(session.token());
        expect((await readers(routed, nextRequest).findById(user.id))?.id.value).toBe(user.id.value);
      }

      expect(servedBy(routed)).toEqual({ [first().name]: 0, [second().name]: 10 });
      expect(routed.report().primary.fallbacks['behind-session']).toBe(0);
      expect(
        routed.report().replicas.find((replica) => replica.name === first().name)?.skipped['behind-session'],
      ).toBe(10);
    });

    it('drops a promoted standby from reads (last: the standby never follows the primary again)', async () => {
      const routed = await replication();
      const user = await savedAndReplayed();
      db.pair.standbys[1]!.promote();

      await routed.monitor.refresh();
      expect(routed.report().replicas.find((replica) => replica.name === second().name)).toMatchObject({
        state: 'down',
        error: expect.stringMatching(/promoted/),
      });
      await readMany(routed, user.id);

      expect(servedBy(routed)).toEqual({ [first().name]: 20, [second().name]: 0 });
      // Written after the promotion: only the standby still following the primary can have it.
      const later = UserMother.random();
      await users().save(later);
      await db.waitForReplay(10_000, [first()]);
      expect((await readers(routed).findById(later.id))?.id.value).toBe(later.id.value);
    });

    async function savedAndReplayedOn(replica: ReplicaDatabase) {
      const user = UserMother.random();
      await users().save(user);
      await db.waitForReplay(10_000, [replica]);
      return user;
    }
  },
);

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
