import { assertDatabaseNameSays, databaseExists } from '@stratum/postgres-toolkit';
import type pg from 'pg';
import { parseMarker, readComment, type BenchMarker } from './bench-marker';

/** Raised before anything is written, when an existing database was not created by the bench. */
export class NotABenchDatabaseError extends Error {
  override readonly name = 'NotABenchDatabaseError';
}

/**
 * Two locks on one door: the name must say "bench" (else DatabaseNameRefusedError), and an
 * existing database must carry the marker the bench writes when it creates one. A typo'd or
 * reused DATABASE_URL of a real app fails both; an unmarked database that merely has "bench" in
 * its name fails the second.
 */
export function assertBenchName(database: string): void {
  assertDatabaseNameSays(
    database,
    'bench',
    'the bench creates, seeds and rewrites its own databases; pass --database stratum_bench',
  );
}

/** The marker of an existing bench database, or null when there is no such database yet. */
export async function assertOwnedByBench(
  admin: pg.ClientBase,
  database: string,
): Promise<BenchMarker | null> {
  assertBenchName(database);
  if (!(await databaseExists(admin, database))) return null;
  const marker = parseMarker(await readComment(admin, database));
  if (marker === null || marker === 'malformed') {
    throw new NotABenchDatabaseError(
      `refusing to use database "${database}": it exists but was not created by the bench ` +
        `(no "stratum-bench" comment on it). Drop it yourself or choose another --database.`,
    );
  }
  return marker;
}
