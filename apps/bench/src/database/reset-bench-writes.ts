import pg from 'pg';
import type { BenchMarker } from './bench-marker';

/**
 * Puts a reused bench database back as the seed left it, so every run starts from the same data:
 * orders placed by earlier runs are removed with their stock returned, their transfers removed
 * and balances restored (seeded rows are dated before the seed ran, benchmark rows after). Then VACUUM, so dead rows of the last run do not slow this one.
 */
export async function resetBenchWrites(url: string, marker: BenchMarker): Promise<void> {
  if (!marker.writesAfter || !marker.spec) return;
  const client = new pg.Client({ connectionString: url, application_name: 'stratum-bench-reset' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE products p SET stock = p.stock + back.quantity
       FROM (SELECT i.product_id, sum(i.quantity)::int AS quantity
             FROM orders o JOIN order_items i ON i.order_id = o.id
             WHERE o.created_at > $1 AND o.status NOT IN ('CANCELLED', 'EXPIRED')
             GROUP BY i.product_id) back
       WHERE p.id = back.product_id`,
      [marker.writesAfter],
    );
    await client.query('DELETE FROM orders WHERE created_at > $1', [marker.writesAfter]);
    await client.query('DELETE FROM transfers WHERE created_at > $1', [marker.writesAfter]);
    await client.query('UPDATE accounts SET balance = $1::numeric WHERE balance <> $1::numeric', [
      marker.spec.balance,
    ]);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) orders, order_items, transfers, accounts, products');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
