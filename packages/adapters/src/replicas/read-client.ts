import type { PrismaClient, PrismaTransaction } from '@stratum/prisma';
import { sqlPathOf, registerSqlPath } from '../sql/sql-path-of';
import type { ReadSession } from './read-session';
import type { ReadTargetSelector } from './read-target.port';
import { replicaFailureOf } from './replica-failure';
import { RoutedSqlPath } from './routed-sql-path';

/**
 * A client for pure reads: queries only, no transactions (a transaction started on a replica
 * could not write, and one on the primary is the unit of work's business). Repositories accept it
 * wherever they accept a PrismaDb.
 */
export type PrismaReadClient = PrismaTransaction;

/**
 * The two methods of @prisma/extension-read-replicas, with its meaning, so code written for it
 * runs on ours unchanged: `$replica()` for a read that may run on a replica, `$primary()` for
 * what must run on the primary. Ours picks, query by query, a replica that is up, within the lag
 * bounds and past the session's writes, and falls back to the primary; the extension picks one
 * at random, whatever its state.
 */
export interface ReplicaSwitch {
  /** The primary's own client: writes, transactions, and reads that must see every commit. */
  $primary(): PrismaClient;
  /**
   * A client whose reads (model reads and `$queryRaw`) go to a fit replica, else to the primary.
   * Unlike the extension, a write sent through it runs on the primary instead of failing there.
   */
  $replica(): PrismaReadClient;
}

/** What ReadRouter.client() hands out: a read client that also speaks the extension's language. */
export type RoutedReadClient = PrismaReadClient & ReplicaSwitch;

// What @prisma/extension-read-replicas sends to replicas, plus $queryRaw: our repositories do most
// of their reading in SQL, and a repository passes this client only to its pure reads.
const READ_OPERATIONS = new Set([
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'groupBy',
  'aggregate',
  'count',
  '$queryRaw',
]);

/**
 * The primary's client, extended so that each read is routed when it runs: to the replica the
 * router picks for `session` at that moment, or left on the primary. This is the mechanism of
 * @prisma/extension-read-replicas (re-issuing the operation on the replica's own client) with
 * the extension's random pick replaced by ReadRouter, and one thing it lacks: a read that fails
 * because the replica went away is run again on the primary, so the caller sees no error.
 * Everything else (writes, $executeRaw) runs on the primary as if the extension were not there.
 */
export function createReadClient(
  primary: PrismaClient,
  router: ReadTargetSelector,
  session: ReadSession,
): RoutedReadClient {
  const client = primary.$extends({
    client: {
      $primary: () => primary,
      // Every read of this client is already routed; $replica() is a name for it, as in the extension.
      $replica: () => routed,
    },
    query: {
      async $allOperations(params) {
        const { model, operation, args, query } = params;
        if (!READ_OPERATIONS.has(operation) || !routable(params)) return query(args);
        const route = router.route(session);
        if (route.target === 'primary') return query(args);
        try {
          return await runOn(route.replica.prisma, model, operation, args);
        } catch (error) {
          const failure = replicaFailureOf(error);
          if (failure === null) throw error;
          router.replicaFailed(route.replica.name, failure, error);
          return query(args);
        }
      },
    },
  });
  // The repositories' own statements bypass Prisma's client (see sql/sql-path.ts): route them alike.
  registerSqlPath(client, new RoutedSqlPath(sqlPathOf(primary), router, session));
  // The extension adds only the two methods and changes no method's signature, but Prisma's
  // extended-client type cannot be proven assignable to PrismaClient's (its generic arguments
  // differ), so the shape is asserted here, once.
  const routed = client as unknown as RoutedReadClient;
  return routed;
}

/** The primary with the same two methods, both answering the primary: for primary-only sessions. */
export function primaryReadClient(primary: PrismaClient): RoutedReadClient {
  const client = primary.$extends({ client: { $primary: () => primary, $replica: () => primary } });
  // The extended client is a new object: its statements take the primary's direct path too.
  registerSqlPath(client, sqlPathOf(primary));
  return client as unknown as RoutedReadClient;
}

type Operation = (args: unknown) => Promise<unknown>;

function runOn(
  client: PrismaClient,
  model: string | undefined,
  operation: string,
  args: unknown,
): Promise<unknown> {
  const target = (model ? Reflect.get(client, model.charAt(0).toLowerCase() + model.slice(1)) : client) as
    Record<string, Operation> | undefined;
  const run = target?.[operation];
  if (!target || typeof run !== 'function') throw new Error(`cannot route ${model ?? 'client'}.${operation}`);
  return run.call(target, args);
}

/**
 * Prisma exposes neither fact publicly; @prisma/extension-read-replicas reads the same internal
 * parameters. Inside a transaction every query belongs to it. A fluent relation read
 * (`findUnique(...).roles()`) carries a data path that re-issuing the call would lose.
 */
function routable(params: object): boolean {
  const internal = (params as { __internalParams?: { transaction?: unknown; dataPath?: unknown[] } })
    .__internalParams;
  return !internal?.transaction && !internal?.dataPath?.length;
}
