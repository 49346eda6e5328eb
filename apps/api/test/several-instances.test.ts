import {
  JOB_LOCK_SPACE,
  PrismaSessionRepository,
  createPrismaRepositories,
  jobLockKey,
} from '@stratum/adapters';
import { Session } from '@stratum/domain';
import { findPostgresBinaries } from '@stratum/postgres-toolkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useReplicatedDatabase } from '../../../packages/adapters/test/support/replication/replicated-database';
import { startApiProcess, type ApiProcess, type LogLine } from './support/api-process';
import { productBody } from './support/fixtures';
import { mintCaller, TEST_PASSWORD, type Caller } from './support/test-app';
import { until } from './support/wait';
import { Argon2PasswordHasher } from '../src/auth/password-hasher';

/**
 * Two API processes, as production runs several behind a load balancer: each on its own port,
 * over one PostgreSQL (with a streaming replica) and one Redis. What one instance does, the other
 * must see at once: cache invalidations, read-your-writes tokens, revoked sessions, limits; and
 * housekeeping runs on one of them at a time.
 */
const redisUrl = process.env.REDIS_URL;
const binaries = findPostgresBinaries();
const skipReason = !redisUrl
  ? 'REDIS_URL is not set: instances share their cache and limits through Redis'
  : 'missing' in binaries
    ? `no PostgreSQL binaries for a replica: ${binaries.missing}`
    : null;

const SIGN_UP_LIMIT_ENV = 'SIGNUP_MAX_PER_IP';
const SWEEPER_JOB = 'pending-order-sweep';

/** What an instance logs when its limits stop counting in Redis (create-api-runtime.ts). */
const LIMITS_OUTAGE_LOG = 'Redis failed: rate limits count in this process';
const LOGIN_FAILURES_PER_EMAIL = 4;
const SIGN_UPS_PER_IP = 3;

describe.skipIf(skipReason !== null)(
  `two API instances over one PostgreSQL and one Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const db = useReplicatedDatabase();
    let a: ApiProcess;
    let b: ApiProcess;
    let admin: Caller;
    let passwordHash: string;

    beforeAll(async () => {
      const runId = crypto.randomUUID();
      const env = {
        DATABASE_URL: db.primary.config.url,
        DATABASE_REPLICA_URLS: db.replica.config.url,
        DATABASE_REPLICA_PROBE_INTERVAL_MS: '100',
        // The replica stays eligible while a test pauses its replay: only the token keeps a read off it.
        DATABASE_REPLICA_MAX_LAG_MS: '60000',
        DATABASE_POOL_MAX: '4',
        REDIS_URL: redisUrl!,
        // One prefix for both instances (they share the cache), of this run only (others share Redis).
        CACHE_KEY_PREFIX: `stratum:test:${runId}:cache`,
        // Likewise the limits: shared by both, and no other run's sign-ups from 127.0.0.1 count here.
        RATE_LIMIT_KEY_PREFIX: `stratum:test:${runId}:limits`,
        LOGIN_MAX_FAILURES_PER_EMAIL: String(LOGIN_FAILURES_PER_EMAIL),
        [SIGN_UP_LIMIT_ENV]: String(SIGN_UPS_PER_IP),
        SESSION_PURGE_INTERVAL_SECONDS: '1',
        ORDER_SWEEP_INTERVAL_SECONDS: '1',
        SHUTDOWN_GRACE_MS: '2000',
      };
      [a, b] = await Promise.all([startApiProcess('a', env), startApiProcess('b', env)]);
      passwordHash = await new Argon2PasswordHasher().hash(TEST_PASSWORD);
      admin = await mintCaller(direct(), ['admin'], { passwordHash, now: new Date() });
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    /** Repositories straight on the primary, uncached: for setting up, never for what is checked. */
    const direct = () => ({
      repositories: createPrismaRepositories(db.primary.prisma),
      sessions: new PrismaSessionRepository(db.primary.prisma),
    });

    it('never serves through one instance a product that a write through the other changed', async () => {
      const created = await a.request('POST', '/products', {
        headers: admin.auth,
        body: productBody({ stock: 100 }),
      });
      expect(created.status).toBe(201);
      const path = `/products/${created.json<{ id: string }>().id}`;
      for (let round = 1; round <= 4; round++) {
        // Both fill the shared cache; then one writes and the other must not answer from it.
        expect((await b.request('GET', path)).json()).toMatchObject({ stock: 100 - round + 1 });
        expect((await a.request('GET', path)).json()).toMatchObject({ stock: 100 - round + 1 });
        const [writer, reader] = round % 2 === 0 ? [a, b] : [b, a];
        const adjusted = await writer.request('PATCH', `${path}/stock`, {
          headers: admin.auth,
          body: { delta: -1 },
        });
        expect(adjusted.json()).toMatchObject({ stock: 100 - round });
        expect((await reader.request('GET', path)).json()).toMatchObject({ stock: 100 - round });
      }
    });

    it('honours on one instance the read-your-writes token that a write on the other handed back', async () => {
      const customer = await mintCaller(direct(), ['user'], { passwordHash, now: new Date() });
      await db.pauseReplay();
      try {
        const opened = await a.request('POST', '/accounts', {
          headers: customer.auth,
          body: { currency: 'USD' },
        });
        expect(opened.status).toBe(201);
        const token = String(opened.headers['x-stratum-read-after']);
        expect(token).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
        const path = `/accounts/${opened.json<{ id: string }>().id}`;

        // The replica has not replayed the account: without the token B reads there and misses it.
        const withoutToken = await b.request('GET', path, { headers: customer.auth });
        expect(withoutToken.status).toBe(404);
        const behindBefore = await fellBackForSession(b);
        const withToken = await b.request('GET', path, {
          headers: { ...customer.auth, 'x-stratum-read-after': token },
        });
        expect(withToken.status).toBe(200);
        expect(withToken.json()).toMatchObject({ id: opened.json<{ id: string }>().id, balance: '0.00' });
        expect(await fellBackForSession(b)).toBeGreaterThan(behindBefore);
      } finally {
        await db.resumeReplay();
      }
    });

    it('refuses on one instance, at once, a session that was ended on the other', async () => {
      const user = await mintCaller(direct(), ['user'], { passwordHash, now: new Date() });
      expect((await b.request('GET', '/users/me', { headers: user.auth })).status).toBe(200);
      expect((await a.request('POST', '/auth/logout', { headers: user.auth })).status).toBe(204);
      expect((await b.request('GET', '/users/me', { headers: user.auth })).status).toBe(401);
    });

    it('refuses on one instance, at once, a user whom an admin suspended on the other', async () => {
      const user = await mintCaller(direct(), ['user'], { passwordHash, now: new Date() });
      expect((await a.request('GET', '/users/me', { headers: user.auth })).status).toBe(200);
      const suspended = await b.request('PATCH', `/users/${user.user.id.value}`, {
        headers: admin.auth,
        body: { status: 'SUSPENDED' },
      });
      expect(suspended.status).toBe(200);
      expect((await a.request('GET', '/users/me', { headers: user.auth })).status).toBe(401);
    });

    it('counts failed logins for one email across both instances', async () => {
      const user = await mintCaller(direct(), ['user'], { passwordHash, now: new Date() });
      const email = user.user.email.value;
      const login = (api: ApiProcess, password: string) =>
        api.request('POST', '/auth/login', { body: { email, password } });
      // Half the allowed failures on each: only a shared count reaches the limit.
      for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
        expect((await login(i % 2 === 0 ? a : b, 'wrong-password-123')).status).toBe(401);
      }
      const refusedOnA = await login(a, TEST_PASSWORD);
      const refusedOnB = await login(b, TEST_PASSWORD);
      // A Redis timeout would have each count alone for a cooldown: name it rather than a wrong status.
      expect(limitOutages()).toEqual([]);
      expect([refusedOnA.status, refusedOnB.status]).toEqual([429, 429]);
      expect(refusedOnB.headers['retry-after']).toBeDefined();
    });

    it('counts sign-ups from one address across both instances', async () => {
      const signUp = (api: ApiProcess) =>
        api.request('POST', '/users', {
          body: {
            email: `signup-${crypto.randomUUID()}@example.test`,
            name: 'New',
            password: TEST_PASSWORD,
          },
        });
      for (let i = 0; i < SIGN_UPS_PER_IP; i++) expect((await signUp(i % 2 === 0 ? a : b)).status).toBe(201);
      const [onA, onB] = [await signUp(a), await signUp(b)];
      expect(limitOutages()).toEqual([]);
      expect([onA.status, onB.status]).toEqual([429, 429]);
    });

    it('runs the session purge on one instance at a time: both skip while its lock is held elsewhere', async () => {
      const { repositories, sessions } = direct();
      const owner = await mintCaller({ repositories, sessions }, [], { passwordHash, now: new Date() });
      const ended = Session.start({
        userId: owner.user.id,
        tokenHash: 'e'.repeat(64),
        now: new Date(Date.now() - 3 * 60 * 60_000),
        ttlMs: 60 * 60_000,
      });
      await expectJobTakesTurns(
        'session-purge',
        () => sessions.create(ended),
        async () => (await db.primary.prisma.session.count({ where: { id: ended.id.value } })) === 0,
      );
    });

    it('runs the pending-order sweeper on one instance at a time', async () => {
      // Its work: an order placed through one instance, then dated back past the reservation
      // (ORDER_RESERVATION_TTL_MINUTES, 30 by default), which only a sweep round will expire.
      const buyer = await mintCaller(direct(), ['user'], { passwordHash, now: new Date() });
      let orderId = '';
      const status = async () =>
        (await db.primary.prisma.order.findUnique({ where: { id: orderId } }))?.status;
      await expectJobTakesTurns(
        SWEEPER_JOB,
        async () => {
          const product = await a.request('POST', '/products', {
            headers: admin.auth,
            body: productBody({ stock: 5 }),
          });
          const order = await a.request('POST', '/orders', {
            headers: buyer.auth,
            body: { lines: [{ productId: product.json<{ id: string }>().id, quantity: 2 }] },
          });
          expect(order.status).toBe(201);
          orderId = order.json<{ id: string }>().id;
          await db.primary.prisma.$executeRaw`
              UPDATE orders SET created_at = created_at - interval '31 minutes' WHERE id = ${orderId}::uuid`;
        },
        async () => (await status()) === 'EXPIRED',
      );
    });

    /**
     * Takes the job's lock from a connection of the test's own (as a third instance running it
     * would; it waits for a round in progress to finish), makes work for the job, sees both
     * instances skip their rounds and `done` stay false, then lets go and sees one of them run it.
     */
    /** The instances that lost Redis for their limits (and counted alone for a cooldown). */
    const limitOutages = () =>
      [a, b]
        .filter((api) => api.logs.some((line) => String(line.msg).startsWith(LIMITS_OUTAGE_LOG)))
        .map((api) => api.name);

    async function expectJobTakesTurns(
      job: string,
      makeWork: () => Promise<void>,
      done: () => Promise<boolean>,
    ): Promise<void> {
      const holder = new pg.Client({ connectionString: db.primary.config.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [
          JOB_LOCK_SPACE,
          jobLockKey(job),
        ]);
        await makeWork();
        // A round that finished just before we took the lock may still be logging: count from the
        // first skip of each instance on, when every round is one that found the lock taken.
        const [lockedA, lockedB] = [a.logs.length, b.logs.length];
        await until(
          () => skipped(a.logs.slice(lockedA), job) >= 1 && skipped(b.logs.slice(lockedB), job) >= 1,
          `both instances skipped ${job}`,
          15_000,
        );
        const [fromA, fromB] = [a.logs.length, b.logs.length];
        await until(
          () => skipped(a.logs.slice(fromA), job) >= 1 && skipped(b.logs.slice(fromB), job) >= 1,
          `both instances skipped ${job} again`,
          15_000,
        );
        expect(ran(a.logs.slice(fromA), job) + ran(b.logs.slice(fromB), job)).toBe(0);
        expect(await done()).toBe(false);
        await holder.query('COMMIT');
        const [afterA, afterB] = [a.logs.length, b.logs.length];
        await until(
          async () => ran(a.logs.slice(afterA), job) + ran(b.logs.slice(afterB), job) > 0 && (await done()),
          `an instance ran ${job}`,
          15_000,
        );
      } finally {
        await holder.end();
      }
    }
  },
);

const roundsOf = (logs: readonly LogLine[], job: string, outcome: string) =>
  logs.filter((line) => line.job === job && line.outcome === outcome).length;
const skipped = (logs: readonly LogLine[], job: string) => roundsOf(logs, job, 'skipped');
const ran = (logs: readonly LogLine[], job: string) => roundsOf(logs, job, 'ran');

/** Reads this instance sent to the primary because a replica had not replayed the caller's token. */
async function fellBackForSession(api: ApiProcess): Promise<number> {
  const metrics = (await api.request('GET', '/metrics')).body;
  const line = metrics
    .split('\n')
    .find((row) => row.startsWith('stratum_db_reads_routed_total{target="primary:behind-session"}'));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}
