import type { PrismaClient } from '@stratum/prisma';
import type { ReadSession } from './read-session';
import type { ReplicaFailure } from './replica-failure';

export interface RoutedReplica {
  name: string;
  prisma: PrismaClient;
}

/** Where one read runs: on the primary, or on this replica. */
export type ReadTarget = { target: 'primary' } | { target: 'replica'; replica: RoutedReplica };

/**
 * What the read client asks, query by query: which server should answer this session's read now,
 * and, when a replica failed a read, to be told. ReadRouter is the implementation; the client
 * depends on this port only, so routing and the client do not import each other.
 */
export interface ReadTargetSelector {
  route(session: ReadSession): ReadTarget;
  replicaFailed(name: string, failure: ReplicaFailure, error: unknown): void;
}
