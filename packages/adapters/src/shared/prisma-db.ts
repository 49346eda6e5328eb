import type { PrismaClient, PrismaTransaction } from '@stratum/prisma';

/**
 * What a repository runs its queries on: the client itself, or the transaction client of a unit
 * of work. Repositories never know which; `inTransaction` bridges the difference.
 */
export type PrismaDb = PrismaClient | PrismaTransaction;

function isClient(db: PrismaDb): db is PrismaClient {
  return typeof (db as PrismaClient).$transaction === 'function';
}

/**
 * Runs `work` in a transaction: a new one on the client, or the unit of work's own when the
 * repository already runs inside one (Prisma transactions do not nest).
 */
export function inTransaction<T>(db: PrismaDb, work: (tx: PrismaTransaction) => Promise<T>): Promise<T> {
  return isClient(db) ? db.$transaction((tx) => work(tx)) : work(db);
}

/** True when this repository runs inside a unit of work, which then owns retries. */
export function isInsideTransaction(db: PrismaDb): boolean {
  return !isClient(db);
}
