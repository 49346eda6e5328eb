// `schema-engine --datasource '{"url":...}' cli <command>`: one-shot commands the
// Prisma CLI runs with execa (packages/internals/src/schemaEngineCommands.ts).
// It drops the first stderr line and parses every other one as a JSON log line,
// so stderr carries nothing else. The wasm engine cannot create or drop
// databases, so these talk to PostgreSQL with plain pg.
import { pg } from './pg-adapter.mjs';

export class CliError extends Error {
  constructor(errorCode, message) {
    super(message);
    this.errorCode = errorCode;
  }
}

function describe(url) {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema'); // a Prisma parameter, unknown to PostgreSQL
  return {
    connectionString: parsed.toString(),
    database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username),
    location: `${parsed.hostname}:${parsed.port || 5432}`,
    user: decodeURIComponent(parsed.username),
    /** The same server, but the maintenance database, to create/drop the target one from. */
    adminConnectionString: Object.assign(new URL(parsed), { pathname: '/postgres' }).toString(),
  };
}

/** Maps pg/socket errors to the P1xxx codes the CLI branches on (P1003 = database missing). */
function toCliError(error, url) {
  const { database, location, user } = describe(url);
  switch (error?.code) {
    case '3D000':
      return new CliError(
        'P1003',
        `Database \`${database}\` does not exist on the database server at \`${location}\`.`,
      );
    case '28P01':
    case '28000':
      return new CliError(
        'P1000',
        `Authentication failed against database server at \`${location}\`, the provided database credentials for \`${user}\` are not valid.`,
      );
    case '42P04':
      return new CliError(
        'P1009',
        `Database \`${database}\` already exists on the database server at \`${location}\``,
      );
    case '42501':
      return new CliError('P1010', `User \`${user}\` was denied access on the database \`${database}\``);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new CliError(
        'P1001',
        `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      );
    default:
      return new CliError('', String(error?.message ?? error));
  }
}

async function withClient(connectionString, url, fn) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // reported through the failing query instead
  try {
    await client.connect();
    return await fn(client);
  } catch (error) {
    throw error instanceof CliError ? error : toCliError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

export function canConnectToDatabase(url) {
  return withClient(describe(url).connectionString, url, (client) => client.query('SELECT 1'));
}

export async function createDatabase(url) {
  const { database, adminConnectionString } = describe(url);
  await withClient(adminConnectionString, url, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(database)}`),
  );
  return { databaseName: database };
}

export async function dropDatabase(url) {
  const { database, adminConnectionString } = describe(url);
  await withClient(adminConnectionString, url, (client) =>
    client.query(`DROP DATABASE ${quoteIdent(database)}`),
  );
}

/**
 * Runs one `cli` subcommand, writing native-style JSON log lines to `log`.
 * @returns {Promise<number>} the process exit code
 */
export async function runCliCommand(command, datasource, log) {
  log({ level: 'INFO', fields: { message: 'Starting schema engine CLI' }, target: 'schema_engine' });
  try {
    const url = datasource?.url;
    if (!url) throw new CliError('', 'No database URL: pass --datasource \'{"url": "..."}\'.');
    switch (command) {
      case 'can-connect-to-database':
        await canConnectToDatabase(url);
        log({ level: 'INFO', fields: { message: 'Connection successful' }, target: 'schema_engine' });
        return 0;
      case 'create-database': {
        const { databaseName } = await createDatabase(url);
        log({
          level: 'INFO',
          fields: { message: `Database '${databaseName}' was successfully created.` },
          target: 'schema_engine',
        });
        return 0;
      }
      case 'drop-database':
        await dropDatabase(url);
        log({
          level: 'INFO',
          fields: { message: 'The database was successfully dropped.' },
          target: 'schema_engine',
        });
        return 0;
      default:
        throw new CliError('', `Unknown cli command: ${command}`);
    }
  } catch (error) {
    log({
      level: 'ERROR',
      fields: { is_panic: false, error_code: error.errorCode ?? '', message: error.message },
      target: 'schema_engine::logger',
    });
    return 1;
  }
}
