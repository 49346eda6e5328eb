/**
 * The read-replica settings, read once at start-up beside the primary's. No DATABASE_REPLICA_URLS
 * means primary only: every read goes to DATABASE_URL, as before replicas existed.
 */
import { ConfigError, positiveInt, type DatabaseConfig, type Env } from '../database-config';

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
  const urls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  // A replica that is slow to connect should cost a read little before it falls back to the
  // primary, so its pool waits less than the primary's by default.
  const poolMax = positiveInt(env, 'DATABASE_REPLICA_POOL_MAX', primary.poolMax);
  const connectionTimeoutMs = positiveInt(env, 'DATABASE_REPLICA_POOL_TIMEOUT_MS', 1_000);
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
      maxLagBytes: positiveInt(env, 'DATABASE_REPLICA_MAX_LAG_BYTES', 16 * 1024 * 1024),
      maxLagMs: positiveInt(env, 'DATABASE_REPLICA_MAX_LAG_MS', 5_000),
      probeIntervalMs: positiveInt(env, 'DATABASE_REPLICA_PROBE_INTERVAL_MS', 1_000),
      probeTimeoutMs: positiveInt(env, 'DATABASE_REPLICA_PROBE_TIMEOUT_MS', 1_000),
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
