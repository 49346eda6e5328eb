import type pg from 'pg';

/**
 * A raw statement as the baseline sends it: named, so pg prepares it once per connection and
 * every later call is Bind/Execute only. That is the cheapest a query gets from Node.
 */
export interface RawStatement {
  readonly name: string;
  readonly text: string;
}

export async function rawRows<R extends pg.QueryResultRow>(
  pool: pg.Pool | pg.PoolClient,
  statement: RawStatement,
  values: unknown[],
): Promise<R[]> {
  const result = await pool.query<R>({ name: statement.name, text: statement.text, values });
  return result.rows;
}
