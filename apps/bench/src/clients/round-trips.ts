import type pg from 'pg';

/**
 * Counts the statements a pool sends, BEGIN and COMMIT included: each is one round trip to the
 * server. Counted on the connections, which both `pool.query` and transactions go through.
 */
export function countRoundTrips(pool: pg.Pool): () => number {
  let count = 0;
  pool.on('connect', (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => unknown };
    const query = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      count++;
      return query(...args);
    };
  });
  return () => count;
}
