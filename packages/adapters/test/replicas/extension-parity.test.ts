import { readReplicas } from '@prisma/extension-read-replicas';
import type { PrismaClient, ReplicaRoutingConfig } from '@stratum/prisma';
import { UserMother } from '@stratum/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplicaSwitch } from '../../src/replicas/read-client';
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

/** What code written for @prisma/extension-read-replicas uses: the two methods and model reads. */
type ExtensionStyleClient = Pick<ReplicaSwitch, '$primary'> & {
  $replica(): Pick<PrismaClient, 'user' | '$queryRaw'>;
  user: PrismaClient['user'];
};

// Teams arrive with code written for @prisma/extension-read-replicas. The same scenario runs
// through the extension itself and through our routed client, over the same primary and standby.
describe.skipIf(skipReason !== null)(
  `@prisma/extension-read-replicas and our routed client${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const db = useReplicatedDatabase();
    const running: ReadReplication[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((replication) => replication.stop()));
      await db.resumeReplay();
    });

    const extension = (): ExtensionStyleClient =>
      db.primary.prisma.$extends(
        readReplicas({ replicas: [db.replica.prisma] }),
      ) as unknown as ExtensionStyleClient;

    async function ours(overrides: Partial<ReplicaRoutingConfig> = {}) {
      const replication = createReadReplication(db.primary, [db.replica], { ...ROUTING, ...overrides });
      running.push(replication);
      await replication.start();
      await db.waitForReplay();
      await replication.monitor.refresh();
      expect(replication.monitor.status(db.replica.name).state).toBe('up');
      return replication;
    }

    const users = () => new PrismaUserRepository(db.primary.prisma);

    /** The scenario: reads by default, on $replica(), on $primary(), and a write on $primary(). */
    async function scenario(client: ExtensionStyleClient, ids: string[]) {
      const select = { id: true, email: true, name: true, status: true } as const;
      const byDefault = await client.user.findUnique({ where: { id: ids[0]! }, select });
      const onReplica = await client.$replica().user.findMany({
        where: { id: { in: ids } },
        select,
        orderBy: { email: 'asc' },
      });
      const [replicaServer] = await client.$replica().$queryRaw<
        Array<{ standby: boolean }>
      >`SELECT pg_is_in_recovery() AS standby`;
      const [primaryServer] = await client.$primary().$queryRaw<
        Array<{ standby: boolean }>
      >`SELECT pg_is_in_recovery() AS standby`;
      const renamed = await client.$primary().user.update({
        where: { id: ids[1]! },
        data: { name: 'Renamed on the primary' },
        select,
      });
      const readBack = await client.$primary().user.findUnique({ where: { id: ids[1]! }, select });
      const counted = await client.$primary().user.count({ where: { id: { in: ids } } });
      return { byDefault, onReplica, replicaServer, primaryServer, renamed, readBack, counted };
    }

    async function seeded() {
      const saved = Array.from({ length: 3 }, () => UserMother.random());
      for (const user of saved) await users().save(user);
      await db.waitForReplay();
      return saved.map((user) => user.id.value);
    }

    it('gives the same results through the extension and through ours, replica and primary alike', async () => {
      const replication = await ours();
      const ids = await seeded();

      const theirs = await scenario(extension(), ids);
      // Both runs rename the same user: put its name back, so that the second run starts equal.
      const original = theirs.onReplica.find((user) => user.id === ids[1])!.name;
      await db.primary.prisma.user.update({ where: { id: ids[1]! }, data: { name: original } });
      await db.waitForReplay();
      const routed = replication.router.client(ReadSession.readYourWrites());
      const mine = await scenario(routed as unknown as ExtensionStyleClient, ids);

      expect(mine).toEqual(theirs);
      expect(theirs.replicaServer?.standby).toBe(true);
      expect(theirs.primaryServer?.standby).toBe(false);
      expect(theirs.onReplica).toHaveLength(3);
      expect(routed.$primary()).toBe(db.primary.prisma);
      // Our reads went to the standby, as the extension's did.
      expect(replication.report().replicas[0]?.reads).toBeGreaterThanOrEqual(3);
    });

    it('keeps read-your-writes where the extension reads a standby that lacks the write', async () => {
      const replication = await ours();
      await db.pauseReplay();
      const user = UserMother.random();
      await users().save(user);
      const session = ReadSession.readYourWrites();
      await replication.router.recordWrite(session);
      const mine = replication.router.client(ReadSession.readYourWrites(session.token()));

      expect(
        await extension()
          .$replica()
          .user.findUnique({ where: { id: user.id.value } }),
      ).toBeNull();
      expect((await mine.$replica().user.findUnique({ where: { id: user.id.value } }))?.id).toBe(
        user.id.value,
      );
      expect(replication.report().primary.fallbacks['behind-session']).toBe(1);
    });

    it('keeps the lag bound where the extension reads a standby far behind', async () => {
      const replication = await ours({ maxLagBytes: 1024 });
      await db.pauseReplay();
      const written = Array.from({ length: 20 }, () => UserMother.random());
      for (const user of written) await users().save(user);
      await replication.monitor.refresh();
      const last = written.at(-1)!.id.value;
      const mine = replication.router.client(ReadSession.readYourWrites());

      expect(await extension().user.findUnique({ where: { id: last } })).toBeNull();
      expect((await mine.user.findUnique({ where: { id: last } }))?.id).toBe(last);
      expect(replication.report().primary.fallbacks.lagging).toBe(1);
    });

    it('answers from the primary where the extension fails, when the standby is gone', async () => {
      const replication = await ours();
      const [id] = await seeded();
      const mine = replication.router.client(ReadSession.readYourWrites());
      db.pair.standby.stop();
      try {
        await expect(
          extension()
            .$replica()
            .user.findUnique({ where: { id: id! } }),
        ).rejects.toThrow();
        expect((await mine.$replica().user.findUnique({ where: { id: id! } }))?.id).toBe(id);
        expect(replication.report().replicas[0]).toMatchObject({ state: 'down', errors: 1 });
      } finally {
        db.pair.standby.start();
      }
    });
  },
);
