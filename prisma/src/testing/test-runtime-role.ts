/**
 * The role the app under test connects as: a login member of `stratum_runtime`, the group the
 * runtime-role migration grants row access to, so the tests exercise the same privileges as
 * production (and fail if the app ever needs more). Test databases are still created, migrated
 * and dropped by the admin of DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import { ensureLoginRole, withAdminClient } from '@stratum/postgres-toolkit';

export const RUNTIME_GROUP_ROLE = 'stratum_runtime';
export const TEST_RUNTIME_ROLE = 'stratum_test_app';

let ensured: Promise<string> | undefined;

/**
 * Ensures the test runtime role once per process and returns its password. The password is
 * derived from the admin URL, so every worker against the same server agrees on it without
 * sharing a file, and it is as secret as the admin's own.
 */
export function ensureTestRuntimeRole(server: URL): Promise<string> {
  const password = createHash('sha256').update(`stratum-test-runtime:${server.href}`).digest('base64url');
  ensured ??= withAdminClient(server, (admin) =>
    ensureLoginRole(admin, { name: TEST_RUNTIME_ROLE, password, memberOf: RUNTIME_GROUP_ROLE }),
  ).then(() => password);
  return ensured;
}

/** `databaseUrl` with the test runtime role's credentials in place of the admin's. */
export function asTestRuntimeRole(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = TEST_RUNTIME_ROLE;
  url.password = password;
  return url.toString();
}
