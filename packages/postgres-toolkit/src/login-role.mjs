// Login roles of the least-privilege setup: the one `npm start` runs the API as, the one it runs
// migrations as, and the one the tests run the app under test as. Plain JavaScript, because the
// launcher imports it with plain node.
//
// Roles are cluster-wide and several processes (test workers, a second `npm start`) may ensure the
// same one at once: an advisory lock on the admin connection's database serialises them, and the
// loser of a race with anything else finds the role made.

const ATTRIBUTES = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';

/**
 * Creates (or brings back to this shape) the login role `name` with `password`, a member of
 * `memberOf` when given, holding no attribute that would let it step outside its grants.
 * `client` is a connected pg client of a role allowed to create roles.
 */
export async function ensureLoginRole(client, { name, password, memberOf }) {
  await ensureRole(client, name, `LOGIN ${ATTRIBUTES} PASSWORD ${client.escapeLiteral(password)}`);
  if (memberOf)
    await client.query(`GRANT ${client.escapeIdentifier(memberOf)} TO ${client.escapeIdentifier(name)}`);
}

/** Creates the NOLOGIN group role `name` if it is missing (the runtime role's migration needs it). */
export async function ensureGroupRole(client, name) {
  await ensureRole(client, name, `NOLOGIN ${ATTRIBUTES}`);
}

async function ensureRole(client, name, attributes) {
  const role = client.escapeIdentifier(name);
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`stratum:role:${name}`]);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    if (!rowCount) {
      try {
        await client.query(`CREATE ROLE ${role} ${attributes}`);
        return;
      } catch (error) {
        // 42710 duplicate_object, 23505 unique_violation: created meanwhile by someone else.
        if (error?.code !== '42710' && error?.code !== '23505') throw error;
      }
    }
    await client.query(`ALTER ROLE ${role} WITH ${attributes}`);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`stratum:role:${name}`]);
  }
}
