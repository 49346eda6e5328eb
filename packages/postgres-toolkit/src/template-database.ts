import type pg from 'pg';
import { databaseExists, databaseUrl, withAdminClient } from './admin-client';

export interface BuildTarget {
  /** The database being built, under a temporary name until it is complete. */
  name: string;
  url: string;
  /** An admin connection to the server, e.g. to COMMENT ON the database. */
  admin: pg.ClientBase;
}

export interface TemplateDatabaseOptions {
  server: string | URL;
  /** Name of the finished template; put a fingerprint of what `build` does in it. */
  name: string;
  /** Fills the new database (runs the migrations, seeds); it becomes the template if this resolves. */
  build(target: BuildTarget): Promise<void>;
  /**
   * Called on an existing database of the template's name, or a half-built one, before it is
   * reused or dropped; throw to refuse one the caller does not own.
   */
  vetExisting?(admin: pg.ClientBase, database: string): Promise<void>;
  applicationName?: string;
}

/**
 * The template database `name`, built once per server however many processes ask at once:
 * copying a template takes tens of milliseconds, migrating a database seconds. An advisory lock
 * lets one process build while the others wait, and the build happens under another name that is
 * renamed when complete, so nobody ever copies a half-built template. A build that died half-way
 * leaves its database behind; the next one drops it and starts over.
 */
export async function ensureTemplateDatabase(options: TemplateDatabaseOptions): Promise<string> {
  const { server, name } = options;
  const building = `${name}_building`;
  return withAdminClient(
    server,
    async (admin) => {
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        if (await databaseExists(admin, name)) {
          await options.vetExisting?.(admin, name);
          return name;
        }
        if (await databaseExists(admin, building)) {
          await options.vetExisting?.(admin, building);
          await admin.query(`DROP DATABASE ${admin.escapeIdentifier(building)} WITH (FORCE)`);
        }
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(building)}`);
        await options.build({ name: building, url: databaseUrl(server, building), admin });
        await admin.query(
          `ALTER DATABASE ${admin.escapeIdentifier(building)} RENAME TO ${admin.escapeIdentifier(name)}`,
        );
        return name;
      } finally {
        await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    },
    options.applicationName,
  );
}
