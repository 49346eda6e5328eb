import { statementNamer, type DirectSql, type Prisma } from '@stratum/prisma';
import type { SqlPath } from './sql-path';
import { StatementTexts } from './statement-texts';

/**
 * Statements straight on the client's pg pool, named so that each connection parses and plans
 * a statement once and then only binds and executes it. This is all raw pg does; Prisma's raw
 * query adds its own request building, parameter and result conversion and extension hooks,
 * which cost three to four times pg's Node time per call (apps/bench/README.md).
 *
 * Errors are pg's own (DatabaseError with the SQLSTATE, socket errors, PoolTimeoutError):
 * shared/database-error.ts reads them as it reads Prisma's.
 */
export class PgSqlPath implements SqlPath {
  private readonly texts: StatementTexts;

  constructor(private readonly direct: DirectSql) {
    this.texts = new StatementTexts(direct.namedStatements ? statementNamer() : () => undefined);
  }

  async rows<R>(statement: Prisma.Sql): Promise<R[]> {
    return (await this.run(statement)).rows as R[];
  }

  async affected(statement: Prisma.Sql): Promise<number> {
    return (await this.run(statement)).rowCount ?? 0;
  }

  private run(statement: Prisma.Sql) {
    const { text: sql, name } = this.texts.of(statement);
    const params = statement.values;
    if (this.direct.observers.size > 0) for (const observe of this.direct.observers) observe({ sql, params });
    return this.direct.pool.query({
      name,
      text: sql,
      values: params,
      types: this.direct.types,
    });
  }
}
