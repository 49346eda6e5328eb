import { describe, expect, it } from 'vitest';
import { ConfigError, readDatabaseConfig } from '../database-config';
import { readReplicaConfig } from './replica-config';

describe('readReplicaConfig', () => {
  const primary = readDatabaseConfig({ DATABASE_URL: 'postgresql://app:pw@db-main:5432/app' });

  it('configures no replica when DATABASE_REPLICA_URLS is unset or blank', () => {
    expect(readReplicaConfig({}, primary).replicas).toEqual([]);
    expect(readReplicaConfig({ DATABASE_REPLICA_URLS: ' , ' }, primary).replicas).toEqual([]);
  });

  it('gives each replica the primary pool settings, its own URL and a shorter connection wait', () => {
    const { replicas, routing } = readReplicaConfig(
      { DATABASE_REPLICA_URLS: 'postgresql://app:pw@db-r1:5433/app, postgres://app:pw@db-r2/app' },
      primary,
    );
    expect(replicas.map((replica) => replica.name)).toEqual(['db-r1:5433/app', 'db-r2:5432/app']);
    expect(replicas[0]?.config).toEqual({
      ...primary,
      url: 'postgresql://app:pw@db-r1:5433/app',
      connectionTimeoutMs: 1_000,
    });
    expect(routing).toEqual({
      maxLagBytes: 16 * 1024 * 1024,
      maxLagMs: 5_000,
      probeIntervalMs: 1_000,
      probeTimeoutMs: 1_000,
    });
  });

  it('never puts credentials in a replica name', () => {
    const [replica] = readReplicaConfig(
      { DATABASE_REPLICA_URLS: 'postgresql://app:s3cret@db-r1:5433/app' },
      primary,
    ).replicas;
    expect(replica?.name).not.toMatch(/s3cret|app:/);
  });

  it('reads the routing bounds and the replica pool size', () => {
    const config = readReplicaConfig(
      {
        DATABASE_REPLICA_URLS: 'postgresql://db-r1/app',
        DATABASE_REPLICA_POOL_MAX: '4',
        DATABASE_REPLICA_MAX_LAG_BYTES: '1024',
        DATABASE_REPLICA_MAX_LAG_MS: '250',
      },
      primary,
    );
    expect(config.replicas[0]?.config.poolMax).toBe(4);
    expect(config.routing.maxLagBytes).toBe(1024);
    expect(config.routing.maxLagMs).toBe(250);
  });

  it.each([
    [{ DATABASE_REPLICA_URLS: 'mysql://db-r1/app' }, 'DATABASE_REPLICA_URLS'],
    [{ DATABASE_REPLICA_URLS: 'postgresql://db-r1/app,postgresql://u:p@db-r1/app' }, 'DATABASE_REPLICA_URLS'],
    [{ DATABASE_REPLICA_URLS: 'postgresql://other@db-main/app' }, 'DATABASE_REPLICA_URLS'],
    [{ DATABASE_REPLICA_MAX_LAG_BYTES: '-1' }, 'DATABASE_REPLICA_MAX_LAG_BYTES'],
    [{ DATABASE_REPLICA_PROBE_INTERVAL_MS: 'often' }, 'DATABASE_REPLICA_PROBE_INTERVAL_MS'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => readReplicaConfig(env, primary)).toThrow(ConfigError);
    expect(() => readReplicaConfig(env, primary)).toThrow(new RegExp(`^${variable}:`));
  });
});
