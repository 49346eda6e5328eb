import { InProcessAttemptWindows } from '@stratum/adapters';
import { LoginRateLimiter, type LoginLimits } from '../../src/auth/login-rate-limiter';
import { SessionId, type Repositories } from '@stratum/domain';
import {
  InMemorySessionRepository,
  InMemoryStore,
  InMemoryUnitOfWork,
  UserMother,
  createInMemoryRepositories,
} from '@stratum/testing';
import type { PasswordHasher } from '../../src/auth/password-hasher';
import type { Clock } from '../../src/config/clock';
import { Principal } from '../../src/use-cases/shared/principal';

/** The ports of the use cases on one in-memory store, for unit tests. */
export function inMemoryWorld() {
  const store = new InMemoryStore();
  const repositories = createInMemoryRepositories(store);
  return {
    store,
    repositories,
    unitOfWork: new InMemoryUnitOfWork(store),
    sessions: new InMemorySessionRepository(store),
  };
}

/** A saved, active user calling with the permissions their roles grant (none at all with []). */
export async function callerWith(repositories: Repositories, roles: readonly string[]): Promise<Principal> {
  const user = UserMother.random();
  await repositories.users.save(user);
  for (const role of roles) await repositories.roles.assign(user.id, role);
  return new Principal(user.id, SessionId.random(), await repositories.roles.permissionsOf(user.id));
}

export const fixedClock: Clock = { now: () => new Date('2026-03-01T12:00:00.000Z') };

/** Reversible on purpose: tests can see what was stored without paying for argon2. */
export const plainHasher: PasswordHasher = {
  hash: async (password) => `hashed:${password}`,
  verify: async (hash, password) => hash === `hashed:${password}`,
};

/** Login limits counted in this process, roomy unless a test says otherwise. */
export function inProcessLoginLimiter(limits: Partial<LoginLimits> = {}): LoginRateLimiter {
  return new LoginRateLimiter(new InProcessAttemptWindows(), {
    perEmail: 5,
    perEmailCeiling: 50,
    perIp: 50,
    windowMs: 60_000,
    ...limits,
  });
}
