import { randomBytes } from 'node:crypto';
import { Email, EmailTakenError, Money, User, type UnitOfWork, type UserRepository } from '@stratum/domain';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Clock } from '../config/clock';

export const DEFAULT_DEMO_ADMIN_EMAIL = 'admin@stratum.example';
/** The demo admin's own money, so transfers can be tried at once (accounts open empty over HTTP). */
export const DEMO_ADMIN_OPENING_BALANCE = Money.of('10000.00', 'USD');

export type DemoAdminOutcome =
  { created: true; email: string; password: string; accountId: string } | { created: false; email: string };

/**
 * Creates the demo admin once: a generated password (returned to be printed, never stored in
 * clear), the admin role and a funded USD account, in one transaction. Idempotent: when a live user
 * has the email, nothing happens, including when another process created it a moment earlier.
 */
export async function ensureDemoAdmin(deps: {
  users: UserRepository;
  unitOfWork: UnitOfWork;
  hasher: PasswordHasher;
  clock: Clock;
  email: string;
}): Promise<DemoAdminOutcome> {
  const email = Email.of(deps.email);
  if (await deps.users.findByEmail(email)) return { created: false, email: email.value };
  const password = randomBytes(18).toString('base64url');
  const user = User.register({
    email,
    name: 'Demo Admin',
    passwordHash: await deps.hasher.hash(password),
    now: deps.clock.now(),
  });
  try {
    const account = await deps.unitOfWork.run(async ({ users, roles, accounts }) => {
      await users.save(user);
      await roles.assign(user.id, 'admin');
      return accounts.open({ ownerId: user.id, currency: 'USD', initialBalance: DEMO_ADMIN_OPENING_BALANCE });
    });
    return { created: true, email: email.value, password, accountId: account.id.value };
  } catch (error) {
    if (error instanceof EmailTakenError) return { created: false, email: email.value };
    throw error;
  }
}
