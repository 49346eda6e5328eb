import {
  ReadSession,
  type RetryCounter,
  cacheRepositories,
  createPrismaRepositories,
  type ReadReplication,
  type RepositoryCache,
} from '@stratum/adapters';
import type { Repositories } from '@stratum/domain';
import type { ReadRouting } from './read-routing';

/**
 * Per request: repositories whose pure reads go where the replica router allows for the request's
 * session, cached like the primary's, with cache misses loaded from the primary so that no
 * replica's older row is ever cached.
 */
export function replicaReadRouting(
  replication: ReadReplication,
  // The client type as the adapters take it: the API names no Prisma type outside its roots.
  primary: Parameters<typeof createPrismaRepositories>[0],
  primaryRepositories: Repositories,
  cache: RepositoryCache,
  retries: RetryCounter,
): ReadRouting {
  return {
    sessionFrom: (token) => ReadSession.readYourWrites(token),
    repositoriesFor: (session) =>
      cacheRepositories(
        createPrismaRepositories(primary, { reads: replication.router.client(session), retries }),
        cache,
        {
          loadFrom: primaryRepositories,
        },
      ),
    recordWrite: (session) => replication.router.recordWrite(session),
  };
}
