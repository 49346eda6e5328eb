import pg from 'pg';

/** The URL of another database on the same server, with the same credentials. */
export function databaseUrl(server: string | URL, database: string): string {
  const url = new URL(server);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** A short-lived connection for CREATE/DROP/ALTER DATABASE, which no pool should hold. */
export async function withAdminClient<T>(
  server: string | URL,
  work: (client: pg.Client) => Promise<T>,
  applicationName = 'stratum-admin',
): Promise<T> {
  const client = new pg.Client({ connectionString: server.toString(), application_name: applicationName });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(client: pg.ClientBase, name: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return (rowCount ?? 0) > 0;
}
