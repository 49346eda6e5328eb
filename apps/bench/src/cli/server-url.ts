import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCAL_PORT = 54329;
/** Where `npm start` keeps its local PostgreSQL's state: .stratum/ at the workspace root. */
const STATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.stratum');

/**
 * The PostgreSQL server the bench creates its databases on: --server, else DATABASE_URL's
 * server, else the local one `npm start` runs (its password is in .stratum/). Only the server
 * part is used: the bench never opens the database these URLs name.
 */
export function resolveServerUrl(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const passwordFile = join(STATE_DIR, 'postgres-password');
  if (existsSync(passwordFile)) {
    const password = encodeURIComponent(readFileSync(passwordFile, 'utf8').trim());
    const port = Number(env.STRATUM_PG_PORT || LOCAL_PORT);
    return `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  }
  throw new Error(
    'no PostgreSQL to benchmark on: set DATABASE_URL (any database of the server; the bench creates its own), ' +
      'pass --server, or start the local one with `npm start`',
  );
}
