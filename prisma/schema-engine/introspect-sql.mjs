// `introspectSql` for TypedSQL (`prisma generate --sql`), answered here instead of by the wasm
// engine: its driver-adapter connector implements `describe_query` by calling itself, so every
// call ends in "Maximum call stack size exceeded". We do what the native engine does on
// PostgreSQL: prepare each statement (Parse + Describe, nothing runs), read its parameter and
// column types, take nullability from the catalog (a column straight from a NOT NULL table column
// is not null, unless an outer join can null it, which EXPLAIN tells), and apply the file's
// `-- @param` / `-- @description` comments.
import { parseSqlDoc } from './sql-doc.mjs';
import { pg } from './pg-adapter.mjs';

/**
 * @param {{ url: string, queries: { name: string, source: string }[] }} params
 * @param {{ datamodels: [string, string][] }} context the schema files, for the enums' names
 */
export async function introspectSql({ url, queries }, { datamodels }) {
  const enums = schemaEnums(datamodels);
  const { connectionString, schema, urlOptions } = splitSchema(url);
  // A generic plan keeps the joins that a NULL parameter would otherwise let the planner prove
  // empty and drop, so EXPLAIN shows every outer join.
  const options = [urlOptions, '-c plan_cache_mode=force_generic_plan'].filter(Boolean);
  if (schema) options.push(`-c search_path=${quoteIdent(schema)}`);
  const client = new pg.Client({ connectionString, options: options.join(' ') });
  await client.connect();
  try {
    const results = [];
    for (const query of queries) results.push(await introspectOne(client, query, enums));
    return { queries: results };
  } finally {
    await client.end().catch(() => {});
  }
}

async function introspectOne(client, { name, source }, enums) {
  const doc = parseSqlDoc(source, [...enums.byPrismaName.keys(), ...enums.byDbName.keys()]);
  const described = await describeStatement(client, source);
  const types = await typeNames(client, [
    ...described.parameterTypes,
    ...described.fields.map((f) => f.dataTypeID),
  ]);
  const notNull = await notNullColumns(client, described.fields);
  const outerJoined =
    described.fields.length > 0 ? await outerJoinedOutputs(client, source, described) : new Set();

  const parameters = described.parameterTypes.map((oid, index) => {
    const position = index + 1;
    const param = doc.parameterAt(position);
    return {
      name: param?.alias ?? `$${position}`,
      typ:
        (param?.typ && enums.byPrismaName.get(param.typ)) ?? param?.typ ?? columnType(types.get(oid), enums),
      documentation: param?.documentation ?? null,
      nullable: param?.nullable ?? false,
    };
  });

  const resultColumns = described.fields.map((field, index) => ({
    name: field.name,
    typ: columnType(types.get(field.dataTypeID), enums),
    nullable: !(notNull.has(`${field.tableID}:${field.columnID}`) && !outerJoined.has(index)),
  }));

  return { name, source, documentation: doc.description ?? null, parameters, resultColumns };
}

/**
 * Parse + Describe + Sync on the unnamed statement: PostgreSQL plans the statement's types
 * without running it. node-postgres has no API for it, but accepts a "submittable" that drives
 * the connection itself.
 */
function describeStatement(client, text) {
  return new Promise((resolve, reject) => {
    let parameterTypes = [];
    let fields = [];
    let connection;
    const onParameters = (message) => {
      parameterTypes = [...message.dataTypeIDs];
    };
    client.query({
      submit(con) {
        connection = con;
        con.on('parameterDescription', onParameters);
        con.parse({ text, types: [] });
        con.describe({ type: 'S', name: '' });
        con.sync();
      },
      handleRowDescription(message) {
        fields = message.fields.map(({ name, tableID, columnID, dataTypeID }) => ({
          name,
          tableID,
          columnID,
          dataTypeID,
        }));
      },
      // On an error the client drops this query at once (no handleReadyForQuery follows).
      handleError(error) {
        connection?.off('parameterDescription', onParameters);
        reject(new Error(describeError(error)));
      },
      handleReadyForQuery() {
        connection?.off('parameterDescription', onParameters);
        resolve({ parameterTypes, fields });
      },
      handleEmptyQuery() {},
      handleCommandComplete() {},
      handleDataRow() {},
      handlePortalSuspended() {},
      handleCopyInResponse() {},
      handleCopyData() {},
    });
  });
}

function describeError(error) {
  const lines = [`${error.message}`];
  if (error.code) lines.push(`Database error code: ${error.code}`);
  if (error.position) lines.push(`Position: ${error.position}`);
  return lines.join('\n');
}

/** oid -> { name, type (b/e/...), element name for arrays } */
async function typeNames(client, oids) {
  const unique = [...new Set(oids)];
  if (unique.length === 0) return new Map();
  const { rows } = await client.query(
    `SELECT t.oid::int AS oid, t.typname AS name, t.typtype AS type,
            e.typname AS element, e.typtype AS element_type
       FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
      WHERE t.oid = ANY($1::oid[])`,
    [unique],
  );
  return new Map(rows.map((row) => [row.oid, row]));
}

/** "tableID:columnID" of the described columns that come from a NOT NULL table column. */
async function notNullColumns(client, fields) {
  const sourced = fields.filter((field) => field.tableID > 0 && field.columnID > 0);
  if (sourced.length === 0) return new Set();
  const { rows } = await client.query(
    `SELECT a.attrelid::int AS table_id, a.attnum::int AS column_id
       FROM pg_attribute a
       JOIN unnest($1::oid[], $2::int2[]) AS c(table_id, column_id)
         ON a.attrelid = c.table_id AND a.attnum = c.column_id
      WHERE a.attnotnull`,
    [sourced.map((field) => field.tableID), sourced.map((field) => field.columnID)],
  );
  return new Set(rows.map((row) => `${row.table_id}:${row.column_id}`));
}

/**
 * Indexes of the output columns an outer join can make NULL, from the plan's `Output` lists
 * (EXPLAIN VERBOSE of the prepared statement with NULL parameters; nothing runs). If the
 * statement cannot be explained, every column is taken as nullable.
 */
async function outerJoinedOutputs(client, source, { parameterTypes, fields }) {
  const statement = `stratum_introspect_${process.pid}`;
  const all = new Set(fields.map((_, index) => index));
  try {
    await client.query(`PREPARE ${statement} AS ${source.replace(/;\s*$/, '')}`);
  } catch {
    return all;
  }
  try {
    const args = parameterTypes.length > 0 ? `(${parameterTypes.map(() => 'NULL').join(', ')})` : '';
    const { rows } = await client.query(`EXPLAIN (VERBOSE, FORMAT JSON) EXECUTE ${statement}${args}`);
    const plan = rows[0]?.['QUERY PLAN']?.[0]?.Plan;
    if (!plan?.Output) return all;
    const outputs = plan.Output;
    const nullable = new Set();
    const markAll = (node) => {
      for (const expression of node.Output ?? []) {
        outputs.forEach((output, index) => {
          if (output === expression) nullable.add(index);
        });
      }
      for (const child of node.Plans ?? []) markAll(child);
    };
    const visit = (node) => {
      const join = node['Join Type'];
      for (const child of node.Plans ?? []) {
        const side = child['Parent Relationship'];
        if (
          join === 'Full' ||
          (join === 'Left' && side === 'Inner') ||
          (join === 'Right' && side === 'Outer')
        )
          markAll(child);
        visit(child);
      }
    };
    visit(plan);
    return nullable;
  } catch {
    return all;
  } finally {
    await client.query(`DEALLOCATE ${statement}`).catch(() => {});
  }
}

// The type names Prisma's TypedSQL generator knows, as the native engine reports them for
// PostgreSQL types (quaint's mapping: anything it does not list is text).
const SCALARS = {
  bool: 'bool',
  int2: 'int',
  int4: 'int',
  int8: 'bigint',
  oid: 'bigint',
  float4: 'float',
  float8: 'double',
  bytea: 'bytes',
  numeric: 'decimal',
  money: 'decimal',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  date: 'date',
  time: 'time',
  timetz: 'time',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'json',
  xml: 'xml',
  char: 'char',
  unknown: 'unknown',
};
const ARRAYS = {
  bool: 'bool-array',
  int2: 'int-array',
  int4: 'int-array',
  int8: 'bigint-array',
  oid: 'bigint-array',
  float4: 'float-array',
  float8: 'double-array',
  bytea: 'bytes-array',
  numeric: 'decimal-array',
  money: 'decimal-array',
  timestamp: 'datetime-array',
  timestamptz: 'datetime-array',
  date: 'date-array',
  time: 'time-array',
  timetz: 'time-array',
  uuid: 'uuid-array',
  json: 'json-array',
  jsonb: 'json-array',
};

function columnType(type, enums) {
  if (!type) return 'string';
  // An enum is named as in the database: the generator keys the schema's enums by `@@map` name.
  if (type.type === 'e') return enums.byDbName.has(type.name) ? type.name : 'string';
  if (type.element) return ARRAYS[type.element] ?? 'string-array';
  return SCALARS[type.name] ?? 'string';
}

/** The schema's enums, by Prisma name and by database name (`@@map`). */
function schemaEnums(datamodels) {
  const byPrismaName = new Map();
  const byDbName = new Map();
  for (const [, text] of datamodels) {
    for (const [, name, body] of text.matchAll(/^\s*enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
      const dbName = /@@map\(\s*"([^"]+)"\s*\)/.exec(body)?.[1] ?? name;
      byPrismaName.set(name, dbName);
      byDbName.set(dbName, name);
    }
  }
  return { byPrismaName, byDbName };
}

/**
 * `?schema=` comes off the URL, and so do its `?options=` (our prisma.config.ts adds a
 * lock_timeout there): pg lets a connection string's options replace the config's, which would
 * drop the generic-plan setting the outer-join analysis depends on.
 */
function splitSchema(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  const urlOptions = parsed.searchParams.get('options') ?? undefined;
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), schema, urlOptions };
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
