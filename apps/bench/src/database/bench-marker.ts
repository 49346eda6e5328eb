import type pg from 'pg';

/**
 * How the bench knows a database is its own: the comment it writes on every database it creates.
 * It never drops, reseeds or writes to a database without it.
 */
export const MARKER_PREFIX = 'stratum-bench';

/** The data a bench database was seeded with; a run reuses the database only when these match. */
export interface SeedSpec {
  users: number;
  products: number;
  orders: number;
  ordersPerCustomer: number;
  accounts: number;
  transfers: number;
  balance: string;
}

export interface BenchMarker {
  /** Fingerprint of the migrations the database was built from. */
  schema: string;
  /** 'template': migrated and empty; 'seeding': being filled; 'ready': filled. */
  state: 'template' | 'seeding' | 'ready';
  spec?: SeedSpec;
  /** Rows created after this instant were written by benchmark runs, and the next run removes them. */
  writesAfter?: string;
}

export function formatMarker(marker: BenchMarker): string {
  return `${MARKER_PREFIX} ${JSON.stringify(marker)}`;
}

/** The marker, null for a database without one (someone else's), or 'malformed'. */
export function parseMarker(comment: string | null): BenchMarker | null | 'malformed' {
  if (comment === null || !comment.startsWith(MARKER_PREFIX)) return null;
  try {
    const marker = JSON.parse(comment.slice(MARKER_PREFIX.length)) as BenchMarker;
    return typeof marker.schema === 'string' && typeof marker.state === 'string' ? marker : 'malformed';
  } catch {
    return 'malformed';
  }
}

export async function readComment(client: pg.ClientBase, database: string): Promise<string | null> {
  const { rows } = await client.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [database],
  );
  return rows[0]?.comment ?? null;
}

export async function writeMarker(
  client: pg.ClientBase,
  database: string,
  marker: BenchMarker,
): Promise<void> {
  await client.query(
    `COMMENT ON DATABASE ${client.escapeIdentifier(database)} IS ${client.escapeLiteral(formatMarker(marker))}`,
  );
}

export function sameSpec(a: SeedSpec | undefined, b: SeedSpec): boolean {
  return a !== undefined && JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(spec: SeedSpec): Array<[string, unknown]> {
  return Object.entries(spec).sort(([x], [y]) => x.localeCompare(y));
}
