import { describe, expect, it } from 'vitest';
import {
  MigrationConfigError,
  assertMigrationsGoDirect,
  migrationDatabaseUrl,
  withLockTimeout,
} from './migration-connection';

const options = (url: string) => new URL(url).searchParams.get('options');

describe('the migration connection', () => {
  it('prefers MIGRATION_DATABASE_URL over DATABASE_URL', () => {
    const url = migrationDatabaseUrl({
      DATABASE_URL: 'postgresql://app@db/stratum',
      MIGRATION_DATABASE_URL: 'postgresql://migrator@db/stratum',
    });
    expect(new URL(url).username).toBe('migrator');
  });

  it('runs with a 5 s lock_timeout unless MIGRATION_LOCK_TIMEOUT says otherwise', () => {
    expect(options(migrationDatabaseUrl({ DATABASE_URL: 'postgresql://app@db/s' }))).toBe(
      '-c lock_timeout=5s',
    );
    expect(
      options(
        migrationDatabaseUrl({ DATABASE_URL: 'postgresql://app@db/s', MIGRATION_LOCK_TIMEOUT: '800ms' }),
      ),
    ).toBe('-c lock_timeout=800ms');
  });

  it('refuses a MIGRATION_LOCK_TIMEOUT that is not a duration', () => {
    expect(() =>
      migrationDatabaseUrl({ DATABASE_URL: 'postgresql://app@db/s', MIGRATION_LOCK_TIMEOUT: '5s; DROP' }),
    ).toThrow(MigrationConfigError);
  });

  it('keeps options already in the URL, and a lock_timeout there wins', () => {
    expect(options(withLockTimeout('postgresql://db/s?options=-c%20search_path%3Dx', '5s'))).toBe(
      '-c search_path=x -c lock_timeout=5s',
    );
    expect(options(withLockTimeout('postgresql://db/s?options=-c%20lock_timeout%3D9s', '5s'))).toBe(
      '-c lock_timeout=9s',
    );
  });

  it('is empty when no database is configured', () => {
    expect(migrationDatabaseUrl({})).toBe('');
  });

  it('refuses to migrate through PgBouncer, and goes straight to PostgreSQL with MIGRATION_DATABASE_URL', () => {
    const pooled = { DATABASE_URL: 'postgresql://app@bouncer:6432/s', DATABASE_POOLER: 'pgbouncer' };
    expect(() => assertMigrationsGoDirect(pooled)).toThrow(/set MIGRATION_DATABASE_URL/);
    const direct = { ...pooled, MIGRATION_DATABASE_URL: 'postgresql://migrator@db:5432/s' };
    expect(() => assertMigrationsGoDirect(direct)).not.toThrow();
    expect(migrationDatabaseUrl(direct)).toMatch(/^postgresql:\/\/migrator@db:5432\/s\?/);
  });
});
