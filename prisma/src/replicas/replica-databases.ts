import { createDatabase, type Database } from '../prisma-client';
import type { ReplicaConfig } from './replica-config';

/**
 * A replica's own Prisma client on its own PrismaPg pool. Prisma 7 has no multi-host URL: each
 * server needs a client and a pool of its own, bounded like the primary's (see DatabaseConfig).
 */
export interface ReplicaDatabase extends Database {
  readonly name: string;
}

export interface CreateReplicaDatabasesOptions {
  /** Where a replica's idle-connection errors go; by default to stderr with the replica's name. */
  onPoolError?: (replica: string, error: Error) => void;
}

export function createReplicaDatabases(
  replicas: readonly ReplicaConfig[],
  options: CreateReplicaDatabasesOptions = {},
): ReplicaDatabase[] {
  const onPoolError =
    options.onPoolError ??
    ((replica: string, error: Error) =>
      console.error(`[stratum] idle connection to replica ${replica} failed: ${error.message}`));
  return replicas.map(({ name, config }) => ({
    ...createDatabase({ config, onPoolError: (error) => onPoolError(name, error) }),
    name,
  }));
}

/** Closes every replica's client and pool, even when one of them fails to close. */
export async function closeReplicaDatabases(replicas: readonly ReplicaDatabase[]): Promise<void> {
  await Promise.allSettled(replicas.map((replica) => replica.close()));
}
