import { z } from 'zod';
import { envInteger, envText } from '../config/env-schema';

/** The read replicas' variables; part of DATABASE_ENV, and parsed alone by readReplicaConfig. */
export const REPLICA_ENV = z.object({
  /** Comma-separated postgresql:// URLs; checked one by one in readReplicaConfig. */
  DATABASE_REPLICA_URLS: envText().optional(),
  /** Unset: the primary's DATABASE_POOL_MAX. */
  DATABASE_REPLICA_POOL_MAX: envInteger().optional(),
  // A replica that is slow to connect should cost a read little before it falls back to the
  // primary, so its pool waits less than the primary's by default.
  DATABASE_REPLICA_POOL_TIMEOUT_MS: envInteger().default(1_000),
  DATABASE_REPLICA_MAX_LAG_BYTES: envInteger().default(16 * 1024 * 1024),
  DATABASE_REPLICA_MAX_LAG_MS: envInteger().default(5_000),
  DATABASE_REPLICA_PROBE_INTERVAL_MS: envInteger().default(1_000),
  DATABASE_REPLICA_PROBE_TIMEOUT_MS: envInteger().default(1_000),
});
