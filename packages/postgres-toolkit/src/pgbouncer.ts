import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';
import { serverUser } from './server-user.mjs';

/**
 * A PgBouncer of its own for a test or a bench run: transaction pooling, on a free port of
 * 127.0.0.1, in front of one PostgreSQL server, gone with its files when stopped. Its `*` entry
 * maps every database name to the same name on the server, so a database created directly on the
 * server (always directly: PgBouncer cannot run CREATE DATABASE for us) is reachable through it
 * at once.
 */
export interface PgBouncer {
  port: number;
  /** Where its ini and auth file are; removed by stop(). */
  directory: string;
  /** `url` with host and port replaced by the bouncer's; user, password and database kept. */
  urlFor(url: string | URL): string;
  /** Stops the process and deletes its directory; safe to call twice. */
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** Server connections per database and user; PgBouncer's default is 20. */
  poolSize?: number;
}

/** The pgbouncer executable on PATH (Debian puts it in /usr/sbin), or null on a machine without one. */
export function findPgBouncer(): string | null {
  for (const candidate of ['pgbouncer', '/usr/sbin/pgbouncer', '/usr/local/sbin/pgbouncer']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Why tests through PgBouncer are skipped on this machine, or null when they can run. */
export function pgBouncerMissingReason(): string | null {
  return findPgBouncer()
    ? null
    : 'no pgbouncer binary on this machine (Debian: apt-get install pgbouncer; .ci/run installs it)';
}

export async function startPgBouncer(
  server: string | URL,
  options: PgBouncerOptions = {},
): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error(pgBouncerMissingReason()!);
  const target = new URL(server);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'stratum-pgbouncer-'));
  const user = serverUser();
  const userName = decodeURIComponent(target.username || 'postgres');
  // Clients are trusted (the bouncer listens on loopback only, for one test); the auth file names
  // the user and carries the password the bouncer logs in to the server with, if there is one.
  writeFileSync(join(dir, 'users.txt'), `"${userName}" "${decodeURIComponent(target.password)}"\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'max_client_conn = 1000',
      // No ignore_startup_parameters: a client that still sends statement_timeout or options at
      // connect is refused, which is how the tests prove the runtime does not.
      'server_lifetime = 300',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  // PgBouncer, like PostgreSQL, refuses to run as root.
  if (user.uid !== undefined) {
    for (const file of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, file), user.uid, user.gid!);
  }

  const child = spawn(binary, [join(dir, 'pgbouncer.ini')], {
    ...user.spawn,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const bouncer: PgBouncer = {
    port,
    directory: dir,
    urlFor(url) {
      const through = new URL(url);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    stop: once(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT'); // PgBouncer's "safe shutdown": closes the pool's server connections
        await Promise.race([exited, delay(5_000).then(() => child.kill('SIGKILL'))]);
      }
      rmSync(dir, { recursive: true, force: true });
    }),
  };

  try {
    await untilAccepting(child, bouncer.urlFor(target), () => output);
  } catch (error) {
    await bouncer.stop();
    throw error;
  }
  return bouncer;
}

async function untilAccepting(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`pgbouncer did not accept connections within 10 s: ${output()}`, { cause: error });
      }
      await delay(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}
