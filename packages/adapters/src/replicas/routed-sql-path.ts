import type { Prisma } from '@stratum/prisma';
import { sqlPathOf } from '../sql/sql-path-of';
import type { SqlPath } from '../sql/sql-path';
import type { ReadTargetSelector } from './read-target.port';
import type { ReadSession } from './read-session';
import { replicaFailureOf } from './replica-failure';

/**
 * The read client's routing for statements sent directly on a pool: each statement goes where
 * the router sends `session` at that moment, and one that fails because the replica went away
 * runs again on the primary, exactly as the read client does for Prisma's queries. Only pure
 * reads come here (repositories pass the read client to nothing else); `affected` is a write
 * and stays on the primary.
 */
export class RoutedSqlPath implements SqlPath {
  constructor(
    private readonly primary: SqlPath,
    private readonly router: ReadTargetSelector,
    private readonly session: ReadSession,
  ) {}

  async rows<R>(statement: Prisma.Sql): Promise<R[]> {
    const route = this.router.route(this.session);
    if (route.target === 'primary') return this.primary.rows<R>(statement);
    try {
      return await sqlPathOf(route.replica.prisma).rows<R>(statement);
    } catch (error) {
      const failure = replicaFailureOf(error);
      if (failure === null) throw error;
      this.router.replicaFailed(route.replica.name, failure, error);
      return this.primary.rows<R>(statement);
    }
  }

  affected(statement: Prisma.Sql): Promise<number> {
    return this.primary.affected(statement);
  }
}
