import { directSqlOf } from '@stratum/prisma';
import type { PrismaDb } from '../shared/prisma-db';
import { PgSqlPath } from './pg-sql-path';
import { PrismaSqlPath } from './prisma-sql-path';
import type { SqlPath } from './sql-path';

// One path per client, so that a pool's statement names are computed once and not per repository.
const paths = new WeakMap<object, SqlPath>();

/** Registers how statements on `client` run; the replica-routing read client registers its own. */
export function registerSqlPath(client: object, path: SqlPath): void {
  paths.set(client, path);
}

/**
 * The pool of a client createDatabase built, directly; anything else (a unit of work's
 * transaction above all) through Prisma, so that its statements stay in that transaction.
 */
export function sqlPathOf(db: PrismaDb): SqlPath {
  const known = paths.get(db);
  if (known) return known;
  const direct = directSqlOf(db);
  const path = direct ? new PgSqlPath(direct) : new PrismaSqlPath(db);
  paths.set(db, path);
  return path;
}
