/**
 * The read-replica settings, read once at start-up beside the primary's. No DATABASE_REPLICA_URLS
 * means primary only: every read goes to DATABASE_URL, as before replicas existed.
 */
import { ConfigError, parseEnv, type Env } from '../config/env-schema';
import type { DatabaseConfig } from '../database-config';
import { REPLICA_ENV } from './replica-env';

export interface ReplicaConfig {
  /** host:port/database, never the credentials: it appears in /health, /metrics and logs. */
  name: string;
  /** The primary's pool settings with the replica's URL, pool size and connection timeout. */
  config: DatabaseConfig;
}

export interface ReplicaRoutingConfig {
  /** A replica further behind the primary than this many bytes of WAL gets no reads. */
  maxLagBytes: number;
  /** A replica showing the primary as of longer ago than this gets no reads. */
  maxLagMs: number;
  /** How often every replica's replay position (and the primary's WAL position) is probed. */
  probeIntervalMs: number;
  /** A probe not answered within this marks the replica down. */
  probeTimeoutMs: number;
}

export interface ReplicaSetConfig {
  replicas: ReplicaConfig[];
  routing: ReplicaRoutingConfig;
}

export function readReplicaConfig(env: Env, primary: DatabaseConfig): ReplicaSetConfig {
  const settings = parseEnv(REPLICA_ENV, env);
  const urls = (settings.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  const poolMax = settings.DATABASE_REPLICA_POOL_MAX ?? primary.poolMax;
  const connectionTimeoutMs = settings.DATABASE_REPLICA_POOL_TIMEOUT_MS;
  const replicas = urls.map((url) => ({
    name: replicaName(url),
    config: { ...primary, url, poolMax, connectionTimeoutMs },
  }));
  const names = new Set<string>();
  for (const { name } of replicas) {
    if (names.has(name)) throw new ConfigError('DATABASE_REPLICA_URLS', `lists ${name} twice`);
    names.add(name);
  }
  if (replicas.some((replica) => replica.name === replicaName(primary.url))) {
    throw new ConfigError('DATABASE_REPLICA_URLS', 'lists the primary (DATABASE_URL) as a replica');
  }
  return {
    replicas,
    routing: {
      maxLagBytes: settings.DATABASE_REPLICA_MAX_LAG_BYTES,
      maxLagMs: settings.DATABASE_REPLICA_MAX_LAG_MS,
      probeIntervalMs: settings.DATABASE_REPLICA_PROBE_INTERVAL_MS,
      probeTimeoutMs: settings.DATABASE_REPLICA_PROBE_TIMEOUT_MS,
    },
  };
}

function replicaName(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_REPLICA_URLS', 'must list postgresql:// URLs, separated by commas');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_REPLICA_URLS', 'contains a URL that cannot be parsed');
  }
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
