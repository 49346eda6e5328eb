import type { StratumPool } from './pg-pool';

/** A statement as it goes to the pool: SQL text with $n placeholders and its values. */
export interface DirectQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The pg pool behind a client that createDatabase built, so that the adapters can send their
 * hand-written statements to it directly. Prisma's raw-query path costs several times pg's own
 * Node time per call (see apps/bench/README.md); the statement, the pool and its connections
 * are the same either way. Transactions are not here: a unit of work stays on Prisma's client.
 */
export interface DirectSql {
  readonly pool: StratumPool;
  /** Name (prepare once per connection) statements, as PrismaPg does with the same namer. */
  readonly namedStatements: boolean;
  /** Told of every statement sent directly (tests count and EXPLAIN them); empty in production. */
  readonly observers: Set<(query: DirectQuery) => void>;
  /** The type parsers for statements sent directly (pg's, with a cheaper timestamptz). */
  readonly types: { getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown };
}

const directSqlByClient = new WeakMap<object, DirectSql>();

export function registerDirectSql(client: object, direct: DirectSql): void {
  directSqlByClient.set(client, direct);
}

/** The pool behind `client`, or undefined for a client createDatabase did not build (or a transaction). */
export function directSqlOf(client: object): DirectSql | undefined {
  return directSqlByClient.get(client);
}
