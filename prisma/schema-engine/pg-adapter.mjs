// Driver adapter factory handed to the wasm schema engine.
//
// It wraps @prisma/adapter-pg, but fixes the places where that adapter (built
// for the query engine) does not behave the way the schema engine needs:
//  - catalog queries return PostgreSQL's internal "char" type (oid 18) and a
//    few other catalog types, which the adapter rejects as unsupported;
//  - the native engine works on a single connection; a default pg pool would
//    spread the engine's session state (its migration advisory lock, SETs)
//    over up to 10 connections and close idle ones after 10 s;
//  - adapter-pg's executeScript splits scripts on ';', which breaks functions,
//    DO blocks and string literals, and applies a migration non-atomically;
//  - adapter-pg's connectToShadowDb spreads `database` over a config that has
//    a connectionString, and pg lets the connectionString win: the "shadow"
//    pool would silently point at the main database.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

// The pg that adapter-pg itself uses: PrismaPg recognises a pool with
// `instanceof pg.Pool`, which fails across two copies of pg.
export const pg = createRequire(import.meta.resolve('@prisma/adapter-pg'))('pg');

// Built-in oids that adapter-pg rejects as unsupported although pg hands them
// over as strings: regproc (24), pg_node_tree (194), int2vector (22),
// oidvector (30), xid (28), aclitem (1033), regclass (2205), regtype (2206).
const TEXT_LIKE_OIDS = new Set([22, 24, 28, 30, 194, 1033, 2205, 2206]);
const TEXT_OID = 25;
// PostgreSQL's internal single-byte "char" (pg_constraint.contype, ...): the
// engine's catalog reader wants it as a Character value, as the native driver
// returns it, and panics on Text. adapter-pg cannot express that, so the
// column goes through adapter-pg as text and is re-typed after queryRaw.
const CHAR_OID = 18;
const charColumnsByRows = new WeakMap();

function relabelColumns(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    res?.fields?.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) charColumns.push(index);
      if (field.dataTypeID === CHAR_OID || TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (charColumns.length > 0 && res.rows) charColumnsByRows.set(res.rows, charColumns);
  }
  return result;
}

// pg.Pool calls client.query with a callback, adapter-pg awaits a promise on
// pooled clients in transactions: patch both paths.
class SchemaEngineClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function')
      return super.query(config, (err, res) => values(err, res && relabelColumns(res)));
    if (typeof callback === 'function')
      return super.query(config, values, (err, res) => callback(err, res && relabelColumns(res)));
    const result = super.query(config, values);
    return typeof result?.then === 'function' ? result.then(relabelColumns) : result;
  }
}

/** Gives "char" columns back their type once adapter-pg has built the result set. */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? [])
      resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Splits `?schema=` off the URL: pg does not know it, the engine wants it via getConnectionInfo.
 * `?options=` (e.g. `-c lock_timeout=5s`) comes off too, to be merged with our search_path: pg
 * lets a connection string's options replace the config's, which would lose one of the two.
 */
function parseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  const options = parsed.searchParams.get('options') ?? undefined;
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), schema, options };
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function sameDatabase(a, b) {
  const key = (url) => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}/${decodeURIComponent(u.pathname.slice(1))}`;
  };
  return key(a) === key(b);
}

export class PgAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  /** Last PostgreSQL error seen by an adapter; reset by the caller per request. */
  lastDbError = null;

  #url;
  #shadowDatabaseUrl;
  #pools = new Set();
  #shadowDatabases = new Set();

  constructor({ url, shadowDatabaseUrl }) {
    if (!url) throw new Error('No datasource url: set `datasource.url` in prisma.config.ts');
    this.#url = url;
    this.#shadowDatabaseUrl = shadowDatabaseUrl;
  }

  /** The object the wasm engine expects (errors captured in a registry it reads). */
  bind() {
    return bindMigrationAwareSqlAdapterFactory(this);
  }

  #pool(url) {
    const { connectionString, schema, options } = parseUrl(url);
    const startupOptions = [options, schema && `-c search_path=${quoteIdent(schema)}`].filter(Boolean);
    const pool = new pg.Pool({
      connectionString,
      Client: SchemaEngineClient,
      // One connection, kept open for the engine's lifetime, like the native engine's.
      max: 1,
      idleTimeoutMillis: 0,
      ...(startupOptions.length > 0 ? { options: startupOptions.join(' ') } : {}),
    });
    // An idle connection dropped by the server must not crash the process.
    pool.on('error', (err) =>
      process.stderr.write(
        `${JSON.stringify({ level: 'WARN', fields: { message: `pg: ${err.message}` } })}\n`,
      ),
    );
    this.#pools.add(pool);
    return { pool, schema };
  }

  async #adapter(url, onDispose) {
    const { pool, schema } = this.#pool(url);
    const adapter = withCharColumns(await new PrismaPg(pool, { schema }).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
    // Whole script in one simple-protocol query: same semantics as the native
    // engine (implicit transaction, no naive splitting on ';').
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    // The engine turns database errors into generic ones (e.g. "No such
    // table"): keep PostgreSQL's own error so the RPC layer can show it.
    const onError = adapter.onError.bind(adapter);
    adapter.onError = (error) => {
      if (typeof error?.code === 'string' && typeof error?.severity === 'string') this.lastDbError = error;
      return onError(error);
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.#end(pool);
      await onDispose?.();
    };
    return adapter;
  }

  async #end(pool) {
    if (!this.#pools.delete(pool)) return;
    await pool.end().catch(() => {});
  }

  connect() {
    return this.#adapter(this.#url);
  }

  async connectToShadowDb() {
    if (this.#shadowDatabaseUrl) {
      if (sameDatabase(this.#url, this.#shadowDatabaseUrl)) {
        throw new Error('The shadow database you configured appears to be the same as the main database.');
      }
      const adapter = await this.#adapter(this.#shadowDatabaseUrl);
      await resetSchema(adapter.underlyingDriver(), parseUrl(this.#shadowDatabaseUrl).schema);
      return adapter;
    }

    // Like the native engine: a throwaway database next to the main one.
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.#adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
    this.#shadowDatabases.add(name);
    return this.#adapter(withDatabase(this.#url, name), () => this.#dropShadowDatabase(name));
  }

  async #dropShadowDatabase(name) {
    if (!this.#shadowDatabases.delete(name)) return;
    await this.#adminQuery(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }

  async #adminQuery(sql) {
    const client = new pg.Client({ connectionString: parseUrl(this.#url).connectionString });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** Ends every pool, and drops shadow databases the engine did not dispose of (e.g. after an error). */
  async close() {
    await Promise.all([...this.#pools].map((pool) => this.#end(pool)));
    await Promise.all(
      [...this.#shadowDatabases].map((name) => this.#dropShadowDatabase(name).catch(() => {})),
    );
  }
}

/** An external shadow database is emptied before use, as the native engine does (its schema only). */
async function resetSchema(pool, schema = 'public') {
  await pool.query(
    `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)};`,
  );
}
