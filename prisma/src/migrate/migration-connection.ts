/**
 * The connection every migration command uses (prisma.config.ts for `prisma migrate ...`, and the
 * rollback command): the migration role's URL when there is one, with a `lock_timeout` so that a
 * migration stuck behind a long transaction fails fast instead of queueing the application's
 * queries behind its own lock request.
 */

export const DEFAULT_MIGRATION_LOCK_TIMEOUT = '5s';

/** PostgreSQL's own duration syntax for lock_timeout, restricted to what makes sense here. */
const DURATION = /^\d+\s*(ms|s|min)?$/;

export class MigrationConfigError extends Error {
  readonly code = 'MIGRATION_CONFIG_INVALID';
}

type Env = Record<string, string | undefined>;

/** MIGRATION_DATABASE_URL when set (a role allowed to change the schema), else DATABASE_URL. */
export function migrationTargetUrl(env: Env = process.env): string | undefined {
  return env.MIGRATION_DATABASE_URL || env.DATABASE_URL || undefined;
}

/**
 * Refuses to migrate through PgBouncer: DATABASE_URL then points at the bouncer, whose transaction
 * pooling loses Prisma Migrate's session-level advisory lock and refuses the `options` that carry
 * lock_timeout. Migrations need MIGRATION_DATABASE_URL, on PostgreSQL itself. (Checked by the
 * migration commands, not by prisma.config.ts, so `prisma generate` still runs anywhere.)
 */
export function assertMigrationsGoDirect(env: Env = process.env): void {
  if (env.DATABASE_POOLER === 'pgbouncer' && !env.MIGRATION_DATABASE_URL) {
    throw new MigrationConfigError(
      'DATABASE_POOLER=pgbouncer: DATABASE_URL goes through PgBouncer, which migrations cannot use; ' +
        'set MIGRATION_DATABASE_URL to PostgreSQL itself.',
    );
  }
}

/** The lock timeout migrations run with: MIGRATION_LOCK_TIMEOUT, e.g. `5s`, `800ms`, `0` for none. */
export function migrationLockTimeout(env: Env = process.env): string {
  const raw = (env.MIGRATION_LOCK_TIMEOUT ?? '').trim();
  if (raw === '') return DEFAULT_MIGRATION_LOCK_TIMEOUT;
  if (!DURATION.test(raw)) {
    throw new MigrationConfigError(
      `MIGRATION_LOCK_TIMEOUT must be a duration like 5s, 800ms or 1min (0 turns it off), not "${raw}".`,
    );
  }
  return raw.replace(/\s+/g, '');
}

/**
 * Adds `-c lock_timeout=...` to the URL's `options` parameter: sent in the startup packet, so it
 * holds for every statement on the connection whichever engine opens it (the native schema engine,
 * the wasm stand-in's pg pool, or the rollback command). A lock_timeout already in the URL wins.
 */
export function withLockTimeout(url: string, lockTimeout: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options') ?? '';
  if (/\block_timeout\b/.test(options)) return url;
  parsed.searchParams.set('options', `${options} -c lock_timeout=${lockTimeout}`.trim());
  return parsed.toString();
}

/** The URL `prisma migrate` and the rollback command connect with; '' when none is configured. */
export function migrationDatabaseUrl(env: Env = process.env): string {
  const url = migrationTargetUrl(env);
  return url ? withLockTimeout(url, migrationLockTimeout(env)) : '';
}
