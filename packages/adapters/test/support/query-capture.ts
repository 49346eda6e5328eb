/**
 * Records the SQL that Prisma sends and that the repositories send on its pool directly, so tests
 * can count round trips and EXPLAIN the very query a repository ran. The client must come from
 * `useTestDatabase({ emitQueryEvents: true })`.
 */
import { directSqlOf, type Prisma, type PrismaClient, type StratumPool } from '@stratum/prisma';

export interface CapturedQuery {
  readonly sql: string;
  readonly params: unknown[];
}

type QueryEvents = { $on(event: 'query', listener: (event: Prisma.QueryEvent) => void): void };

export interface QueryCapture {
  /** The statements sent since the last call (transaction control included), oldest first. */
  take(): CapturedQuery[];
}

export function captureQueries(prisma: PrismaClient): QueryCapture {
  let captured: CapturedQuery[] = [];
  // The client's type does not know it was built with query events, hence the cast.
  (prisma as unknown as QueryEvents).$on('query', (event) => {
    captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  directSqlOf(prisma)?.observers.add(({ sql, params }) => captured.push({ sql, params: [...params] }));
  return {
    take() {
      const taken = captured;
      captured = [];
      return taken;
    },
  };
}

/** The statement `run` sent; fails when it sent none or several. */
export async function onlyQueryOf(
  capture: QueryCapture,
  run: () => Promise<unknown>,
): Promise<CapturedQuery> {
  capture.take();
  await run();
  const sent = capture.take();
  if (sent.length !== 1) {
    throw new Error(`expected one statement, got ${sent.length}:\n${sent.map((q) => q.sql).join('\n')}`);
  }
  return sent[0]!;
}

export interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Index Cond'?: string;
  readonly 'Relation Name'?: string;
  readonly Plans?: PlanNode[];
}

/** PostgreSQL's plan for a captured statement, with the same parameters. */
export async function explain(pool: StratumPool, query: CapturedQuery): Promise<PlanNode> {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${query.sql}`,
    query.params,
  );
  return rows[0]!['QUERY PLAN'][0].Plan;
}

/**
 * The generic plan a named statement settles on after five calls, for a captured statement: the
 * plan that serves it from then on, whatever the values.
 */
export async function explainGeneric(pool: StratumPool, query: CapturedQuery): Promise<PlanNode> {
  const client = await pool.connect();
  try {
    await client.query(`PREPARE generic_plan AS ${query.sql}`);
    await client.query('SET plan_cache_mode = force_generic_plan');
    // EXPLAIN EXECUTE takes no bound parameters, so the values go in as quoted literals.
    const literals = query.params.map((value) => {
      if (value === null) return 'NULL';
      if (Array.isArray(value)) return client.escapeLiteral(`{${value.join(',')}}`);
      return client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
    });
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) EXECUTE generic_plan(${literals.join(', ')})`,
    );
    return rows[0]!['QUERY PLAN'][0].Plan;
  } finally {
    // The prepared statement and the setting die with the connection, not with a later test's.
    client.release(true);
  }
}

/** Every node of the plan, depth first. */
export function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}
