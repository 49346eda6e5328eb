import { randomBytes } from 'node:crypto';
import { databaseUrl, withAdminClient } from './admin-client';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any session still on it. */
  drop(): Promise<void>;
}

/**
 * A new database named `prefix` plus a random suffix, copied from `template` or empty, for one
 * test file (or one run) to own; parallel workers never share one.
 */
export async function createScratchDatabase(
  server: string | URL,
  options: { prefix: string; template?: string | null },
): Promise<ScratchDatabase> {
  const name = `${options.prefix}_${randomBytes(5).toString('hex')}`;
  await withAdminClient(server, (admin) =>
    admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)}` +
        (options.template ? ` TEMPLATE ${admin.escapeIdentifier(options.template)}` : ''),
    ),
  );
  return {
    name,
    url: databaseUrl(server, name),
    drop: () =>
      withAdminClient(server, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
