import { PrismaSessionRepository, PrismaUnitOfWork, createPrismaRepositories } from '@stratum/adapters';
import { Email, Session, User, type Repositories, type User as UserEntity } from '@stratum/domain';
import { createDatabase, readDatabaseConfig, type Database } from '@stratum/prisma';
import { createTestDatabase, type TestDatabase } from '@stratum/prisma/testing';
import { afterAll, beforeAll } from 'vitest';
import type { ApiDependencies } from '../../src/app-dependencies';
import { Argon2PasswordHasher } from '../../src/auth/password-hasher';
import { hashSessionToken, newSessionToken } from '../../src/auth/session-token';
import { DEFAULT_API_CONFIG, type ApiConfig } from '../../src/config/api-config';
import { CompositeHealthProbe } from '../../src/health/composite-health-probe';
import { PrimaryDatabaseCheck } from '../../src/health/primary-database.check';
import { buildServer, type ServerOptions, type StratumServer } from '../../src/server';
import { TestClock } from './test-clock';

/** Every test user's password: hashed once per file, since argon2 is slow on purpose. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface Caller {
  user: UserEntity;
  token: string;
  /** Headers that authenticate as this caller. */
  auth: { authorization: string };
}

export interface TestApp {
  readonly app: StratumServer;
  readonly database: Database;
  readonly repositories: Repositories;
  readonly clock: TestClock;
  /** A saved active user with the given roles (none at all with []) and a live session. */
  caller(roles: readonly string[], overrides?: { email?: string }): Promise<Caller>;
}

export interface TestAppOptions {
  config?: Partial<ApiConfig>;
  pool?: { max?: number; timeoutMs?: number };
  server?: ServerOptions;
  deps?: Partial<ApiDependencies>;
}

/**
 * The API on a database of this test file's own, with the real adapters, built in beforeAll and
 * closed and dropped in afterAll.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let testDb: TestDatabase | undefined;
  let current: (TestApp & { passwordHash: string }) | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const database = createDatabase({
      config: {
        ...readDatabaseConfig({ DATABASE_URL: testDb.url }),
        poolMax: options.pool?.max ?? 5,
        connectionTimeoutMs: options.pool?.timeoutMs ?? 5_000,
      },
    });
    const repositories = createPrismaRepositories(database.prisma);
    const sessions = new PrismaSessionRepository(database.prisma);
    const clock = new TestClock();
    const passwordHash = await new Argon2PasswordHasher().hash(TEST_PASSWORD);
    const app = buildServer(
      {
        repositories,
        unitOfWork: new PrismaUnitOfWork(database.prisma),
        sessions,
        health: new CompositeHealthProbe([new PrimaryDatabaseCheck(database.pool)]),
        clock,
        config: { ...DEFAULT_API_CONFIG, ...options.config },
        ...options.deps,
        metrics: { pool: database.pool, ...options.deps?.metrics },
      },
      options.server,
    );
    await app.ready();

    async function caller(roles: readonly string[], overrides: { email?: string } = {}): Promise<Caller> {
      const user = User.register({
        email: Email.of(overrides.email ?? `caller-${crypto.randomUUID()}@example.test`),
        name: 'Test Caller',
        passwordHash,
        now: clock.now(),
      });
      await repositories.users.save(user);
      for (const role of roles) await repositories.roles.assign(user.id, role);
      // A session minted directly: logging in over HTTP would cost an argon2 verify per caller.
      const token = newSessionToken();
      const ttlMs = 60 * 60_000;
      await sessions.create(
        Session.start({ userId: user.id, tokenHash: hashSessionToken(token), now: clock.now(), ttlMs }),
      );
      return { user, token, auth: { authorization: `Bearer ${token}` } };
    }

    current = { app, database, repositories, clock, caller, passwordHash };
  });

  afterAll(async () => {
    await current?.app.close();
    await current?.database.close();
    await testDb?.drop();
  });

  const get = () => {
    if (!current) throw new Error('the test app exists from beforeAll on');
    return current;
  };
  return {
    get app() {
      return get().app;
    },
    get database() {
      return get().database;
    },
    get repositories() {
      return get().repositories;
    },
    get clock() {
      return get().clock;
    },
    caller: (roles, overrides) => get().caller(roles, overrides),
  };
}
