import type { Prisma } from '@stratum/prisma';

/**
 * Where a repository's hand-written statements run: straight on the pg pool of a client that
 * createDatabase built (the fast path), or through Prisma's raw queries on anything else, above
 * all a unit of work's transaction client, so that its statements stay in its transaction.
 * Both run the same Prisma.Sql and return rows of the same shape: the statements cast whatever
 * pg and Prisma would decode differently (numeric, bigint) to text or int.
 */
export interface SqlPath {
  /** The rows the statement returns. */
  rows<R>(statement: Prisma.Sql): Promise<R[]>;
  /** How many rows the statement changed, for statements without RETURNING. */
  affected(statement: Prisma.Sql): Promise<number>;
}
