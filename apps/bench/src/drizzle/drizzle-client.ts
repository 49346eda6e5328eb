import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { schema } from './drizzle-schema';

export type DrizzleDb = NodePgDatabase<typeof schema>;

/** Drizzle on node-postgres, on a pool of its own, as its docs set it up. */
export function openDrizzle(url: string, max: number): { db: DrizzleDb; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'stratum-bench-drizzle' });
  return { db: drizzle(pool, { schema }), pool };
}
