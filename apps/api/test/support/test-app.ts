import { Email, Session, User, type Repositories, type User as UserEntity } from '@stratum/domain';
import type { Database } from '@stratum/prisma';
import { createTestDatabase, type MigratedTestDatabase } from '@stratum/prisma/testing';
import { afterAll, beforeAll } from 'vitest';
import type { ApiDependencies } from '../../src/app-dependencies';
import { Argon2PasswordHasher } from '../../src/auth/password-hasher';
import { hashSessionToken, newSessionToken } from '../../src/auth/session-token';
import type { ApiConfig } from '../../src/config/api-config';
import { createApiRuntime, type ApiRuntime, type Env } from '../../src/runtime/create-api-runtime';
import type { ServerOptions, StratumServer } from '../../src/server';
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
  /** The repositories the app uses: cached over the primary, so writes here invalidate its reads. */
  readonly repositories: Repositories;
  readonly runtime: ApiRuntime;
  readonly clock: TestClock;
  /** The database's URL for its admin (the app itself connects as the runtime role). */
  readonly adminUrl: string;
  /** A saved active user with the given roles (none at all with []) and a live session. */
  caller(roles: readonly string[], overrides?: { email?: string }): Promise<Caller>;
}

export interface TestAppOptions {
  config?: Partial<ApiConfig>;
  pool?: { max?: number; timeoutMs?: number };
  server?: ServerOptions;
  deps?: Partial<ApiDependencies>;
  /** More environment for the composition root; DATABASE_URL is the test database's, as the runtime role. */
  env?: Env;
}

/**
 * The API on a database of this test file's own, built by the production composition root
 * (cache, caching unit of work, sessions, health, metrics) in beforeAll, and stopped and dropped
 * in afterAll. Without REDIS_URL in `env` the cache is the in-process LRU, so files never share
 * cached entries.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let testDb: MigratedTestDatabase | undefined;
  let current: (TestApp & { passwordHash: string }) | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const clock = new TestClock();
    const runtime = createApiRuntime(
      { ...options.env, DATABASE_URL: testDb.runtimeUrl },
      {
        clock,
        config: options.config,
        database: { poolMax: options.pool?.max ?? 5, connectionTimeoutMs: options.pool?.timeoutMs ?? 5_000 },
        logger: options.server?.logger,
        overrides: options.deps,
      },
    );
    const { app, database, repositories } = runtime;
    const passwordHash = await new Argon2PasswordHasher().hash(TEST_PASSWORD);
    await runtime.start();

    const caller = (roles: readonly string[], overrides: { email?: string } = {}) =>
      mintCaller(runtime, roles, { passwordHash, now: clock.now(), ...overrides });

    current = { app, database, repositories, runtime, clock, caller, passwordHash, adminUrl: testDb.url };
  });

  afterAll(async () => {
    await current?.runtime.stop('test file finished');
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
    get runtime() {
      return get().runtime;
    },
    get clock() {
      return get().clock;
    },
    get adminUrl() {
      return get().adminUrl;
    },
    caller: (roles, overrides) => get().caller(roles, overrides),
  };
}

/**
 * A saved active user with the given roles and a live session, minted directly: logging in over
 * HTTP would cost an argon2 verify per caller.
 */
export async function mintCaller(
  runtime: Pick<ApiRuntime, 'repositories' | 'sessions'>,
  roles: readonly string[],
  options: { passwordHash: string; now: Date; email?: string },
): Promise<Caller> {
  const { repositories, sessions } = runtime;
  const user = User.register({
    email: Email.of(options.email ?? `caller-${crypto.randomUUID()}@example.test`),
    name: 'Test Caller',
    passwordHash: options.passwordHash,
    now: options.now,
  });
  await repositories.users.save(user);
  for (const role of roles) await repositories.roles.assign(user.id, role);
  const token = newSessionToken();
  const ttlMs = 60 * 60_000;
  await sessions.create(
    Session.start({ userId: user.id, tokenHash: hashSessionToken(token), now: options.now, ttlMs }),
  );
  return { user, token, auth: { authorization: `Bearer ${token}` } };
}
