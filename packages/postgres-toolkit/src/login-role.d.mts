import type pg from 'pg';

/**
 * Creates (or brings back to this shape) the login role `name` with `password`, a member of
 * `memberOf` when given: no superuser, no CREATEDB, no CREATEROLE, no replication, no BYPASSRLS.
 */
export declare function ensureLoginRole(
  client: pg.ClientBase,
  role: { name: string; password: string; memberOf?: string },
): Promise<void>;

/** Creates the NOLOGIN group role `name` if it is missing. */
export declare function ensureGroupRole(client: pg.ClientBase, name: string): Promise<void>;
