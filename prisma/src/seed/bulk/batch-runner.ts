import type pg from 'pg';
import type { ProgressBar } from './progress-bar';
import type { TableSeeder } from './table-seeder';

/**
 * Inserts a table's rows range by range on every connection at once: the server generates the
 * rows (generate_series), so the work is CPU on PostgreSQL (text, tsvector, index entries) and
 * several connections use several cores. A failed batch stops the others at their next range.
 */
export async function runBatches(
  clients: readonly pg.ClientBase[],
  seeder: TableSeeder,
  batchSize: number,
  progress: ProgressBar,
): Promise<void> {
  let next = 1;
  let failed = false;
  const worker = async (client: pg.ClientBase) => {
    while (!failed && next <= seeder.rows) {
      const from = next;
      const to = Math.min(seeder.rows, from + batchSize - 1);
      next = to + 1;
      const { text, values } = seeder.batch(from, to);
      try {
        await client.query(text, values);
      } catch (error) {
        failed = true;
        throw error;
      }
      progress.advance(to - from + 1);
    }
  };
  await Promise.all(clients.map(worker));
  progress.finish();
}
