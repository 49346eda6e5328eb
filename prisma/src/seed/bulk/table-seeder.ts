import type { SeedStatement } from './seed-sql';

/** One table's share of the bulk seed: rows are numbered 1..rows and inserted range by range. */
export interface TableSeeder {
  readonly table: string;
  readonly rows: number;
  /** The insert of rows from..to (inclusive); rows that exist already are skipped. */
  batch(from: number, to: number): SeedStatement;
}
