import type { Prisma } from '@stratum/prisma';
import type { PrismaDb } from '../shared/prisma-db';
import type { SqlPath } from './sql-path';

/** Statements through Prisma's client: a transaction's, or a client whose pool we do not know. */
export class PrismaSqlPath implements SqlPath {
  constructor(private readonly db: PrismaDb) {}

  rows<R>(statement: Prisma.Sql): Promise<R[]> {
    return this.db.$queryRaw<R[]>(statement);
  }

  affected(statement: Prisma.Sql): Promise<number> {
    return this.db.$executeRaw(statement);
  }
}
