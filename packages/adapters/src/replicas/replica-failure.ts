import { isTransientFailure, isUnavailable } from '../shared/database-error';

/**
 * What a failed read on a replica means for routing:
 * - `unavailable`: the replica (or its pool) is not answering: mark it down and read on the primary.
 * - `recovery-conflict`: replay cancelled the query (SQLSTATE 40001 on a standby, where no
 *   serializable transaction exists): the replica is fine, the read just runs on the primary.
 * - null: the read itself is at fault (bad input, a bug, a missing row): rethrow unchanged.
 */
export type ReplicaFailure = 'unavailable' | 'recovery-conflict';

export function replicaFailureOf(error: unknown): ReplicaFailure | null {
  if (isUnavailable(error)) return 'unavailable';
  if (isTransientFailure(error)) return 'recovery-conflict';
  return null;
}
