import type { PrismaClient, PrismaTransaction } from '@stratum/prisma';

/**
 * What a repository runs its queries on: the client itself, or the transaction client of a unit
 * of work. Repositories never know which, except to leave retries to the unit of work.
 */
export type PrismaDb = PrismaClient | PrismaTransaction;

/** True when this repository runs inside a unit of work, which then owns retries. */
export function isInsideTransaction(db: PrismaDb): boolean {
  return typeof (db as PrismaClient).$transaction !== 'function';
}
