import { describe, expect, it } from 'vitest';
import { ConfigError, readDatabaseConfig } from './database-config';

describe('readDatabaseConfig', () => {
  const url = 'postgresql://app@db.internal:5432/app';

  it('sets every pool bound explicitly when only the URL is given', () => {
    expect(readDatabaseConfig({ DATABASE_URL: url })).toEqual({
      url,
      poolMax: 10,
      connectionTimeoutMs: 5_000,
      idleTimeoutMs: 30_000,
      maxLifetimeSeconds: 1_800,
      statementTimeoutMs: 15_000,
      idleInTransactionTimeoutMs: 30_000,
      applicationName: 'stratum',
      preparedStatements: true,
      pooler: 'none',
    });
  });

  it('turns named statements off behind PgBouncer, where another server connection would not know them', () => {
    const config = readDatabaseConfig({ DATABASE_URL: url, DATABASE_POOLER: 'pgbouncer' });
    expect(config).toMatchObject({ pooler: 'pgbouncer', preparedStatements: false });
  });

  it('refuses named statements asked for explicitly behind PgBouncer, rather than fail on the first query', () => {
    expect(() =>
      readDatabaseConfig({
        DATABASE_URL: url,
        DATABASE_POOLER: 'pgbouncer',
        DATABASE_PREPARED_STATEMENTS: 'true',
      }),
    ).toThrow(/^DATABASE_PREPARED_STATEMENTS: cannot be true with DATABASE_POOLER=pgbouncer/);
  });

  it('reads overrides from the environment', () => {
    const config = readDatabaseConfig({
      DATABASE_URL: url,
      DATABASE_POOL_MAX: '32',
      DATABASE_POOL_TIMEOUT_MS: '250',
    });
    expect(config.poolMax).toBe(32);
    expect(config.connectionTimeoutMs).toBe(250);
  });

  it.each([
    [{}, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: url, DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
    [{ DATABASE_URL: url, DATABASE_POOL_TIMEOUT_MS: 'soon' }, 'DATABASE_POOL_TIMEOUT_MS'],
    [{ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'yes' }, 'DATABASE_PREPARED_STATEMENTS'],
    [{ DATABASE_URL: url, DATABASE_POOLER: 'pgpool' }, 'DATABASE_POOLER'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => readDatabaseConfig(env)).toThrow(ConfigError);
    expect(() => readDatabaseConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it("reports every invalid variable at once, the replicas' included", () => {
    const read = () =>
      readDatabaseConfig({
        DATABASE_URL: url,
        DATABASE_POOL_MAX: '-1',
        DATABASE_APPLICATION_NAME: 'stratum',
        DATABASE_PREPARED_STATEMENTS: 'maybe',
        DATABASE_REPLICA_MAX_LAG_MS: '1.5',
      });

    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([
        { variable: 'DATABASE_POOL_MAX', message: 'must be a whole number of at least 1, got "-1"' },
        { variable: 'DATABASE_PREPARED_STATEMENTS', message: 'must be true or false, got "maybe"' },
        {
          variable: 'DATABASE_REPLICA_MAX_LAG_MS',
          message: 'must be a whole number of at least 1, got "1.5"',
        },
      ]);
    }
  });

  it('trims values and takes a blank one as unset', () => {
    const config = readDatabaseConfig({
      DATABASE_URL: ` ${url} `,
      DATABASE_POOL_MAX: ' 7 ',
      DATABASE_POOL_TIMEOUT_MS: '  ',
    });

    expect(config).toMatchObject({ url, poolMax: 7, connectionTimeoutMs: 5_000 });
  });

  it('says an unset DATABASE_URL is not set', () => {
    expect(() => readDatabaseConfig({})).toThrow(/^DATABASE_URL: is not set$/);
  });
});
