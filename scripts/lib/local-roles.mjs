// The two roles `npm start` uses on the local PostgreSQL, as production should: the migrations
// run as `stratum_migrator`, which owns the database and its schema; the API (and the seed) run as
// `stratum_app`, a member of `stratum_runtime`, which the runtime-role migration lets read and
// write rows and nothing else. Passwords are generated on first run into the git-ignored .stratum/.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureGroupRole, ensureLoginRole } from '../../packages/postgres-toolkit/src/login-role.mjs';

export const MIGRATION_ROLE = 'stratum_migrator';
export const APP_ROLE = 'stratum_app';
export const RUNTIME_GROUP_ROLE = 'stratum_runtime';

/**
 * Ensures both login roles (and the runtime group) and hands `database` and everything in its
 * `public` schema to the migration role: a database made by an earlier version belongs to the
 * superuser. Returns the URLs of `database` for each role.
 */
export async function ensureLocalRoles(stateDir, adminUrlOf, database) {
  const { default: pg } = await import('pg');
  const migratorPassword = secret(stateDir, 'migrator-password');
  const appPassword = secret(stateDir, 'app-password');

  await withClient(pg, adminUrlOf('postgres'), async (admin) => {
    await ensureGroupRole(admin, RUNTIME_GROUP_ROLE);
    await ensureLoginRole(admin, { name: MIGRATION_ROLE, password: migratorPassword });
    await ensureLoginRole(admin, { name: APP_ROLE, password: appPassword, memberOf: RUNTIME_GROUP_ROLE });
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(database)} OWNER TO ${MIGRATION_ROLE}`);
  });
  await withClient(pg, adminUrlOf(database), (admin) =>
    // Names come from the catalog and are quoted by format('%I').
    admin.query(`
      DO $$
      DECLARE object record;
      BEGIN
        FOR object IN
          SELECT format('ALTER TABLE %I OWNER TO ${MIGRATION_ROLE}', c.relname) AS statement
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
             AND c.relowner <> '${MIGRATION_ROLE}'::regrole
          UNION ALL
          SELECT format('ALTER TYPE %I OWNER TO ${MIGRATION_ROLE}', t.typname)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
             AND t.typowner <> '${MIGRATION_ROLE}'::regrole
        LOOP
          EXECUTE object.statement;
        END LOOP;
      END
      $$`),
  );

  const as = (role, password) => {
    const url = new URL(adminUrlOf(database));
    url.username = role;
    url.password = password;
    return url.toString();
  };
  return { migrationUrl: as(MIGRATION_ROLE, migratorPassword), appUrl: as(APP_ROLE, appPassword) };
}

function secret(stateDir, name) {
  const file = join(stateDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function withClient(pg, url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
