/**
 * A throwaway PostgreSQL primary and hot standbys (one unless asked for more) streaming from it,
 * for tests of replica routing. There is no pg_basebackup among the embedded binaries, so the standby starts from a
 * copy of the primary's data directory taken while the primary is cleanly shut down (right after
 * initdb): same system identifier, same timeline, and the standby streams everything after.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, serverUser, type PostgresBinaries, type ServerUser } from '@stratum/postgres-toolkit';

export interface PostgresServer {
  readonly port: number;
  /** Trust authentication as the postgres superuser, on 127.0.0.1 only. */
  url(database: string): string;
  start(): void;
  /** A fast shutdown, as an operator would do it: sessions are ended, the server waits for none. */
  stop(): void;
  /** Ends recovery (pg_ctl promote): a standby becomes a primary of its own, for good. */
  promote(): void;
}

export interface ReplicationPair {
  primary: PostgresServer;
  /** The first standby. */
  standby: PostgresServer;
  /** Every standby, each streaming from the primary on its own. */
  standbys: readonly PostgresServer[];
  /** Stops every server and deletes their data; safe to call twice. */
  destroy(): void;
}

export async function startReplicationPair(
  binaries: PostgresBinaries,
  options: { standbys?: number } = {},
): Promise<ReplicationPair> {
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'stratum-replication-'));
  chownAs(user, root);
  const primaryPort = await freePort();
  const primary = server(binaries, user, join(root, 'primary'), primaryPort);
  const standbys: ReturnType<typeof server>[] = [];
  for (let i = 0; i < (options.standbys ?? 1); i++) {
    standbys.push(
      server(binaries, user, join(root, i === 0 ? 'standby' : `standby-${i + 1}`), await freePort()),
    );
  }
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    process.off('exit', destroy);
    for (const standby of standbys) standby.kill();
    primary.kill();
    rmSync(root, { recursive: true, force: true });
  };
  // A worker that dies mid-file must not leave servers behind.
  process.on('exit', destroy);
  try {
    run(user, binaries.initdb, [
      '-D',
      primary.dataDir,
      '--username=postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    writeAs(
      user,
      join(primary.dataDir, 'pg_hba.conf'),
      'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    for (const [i, standby] of standbys.entries()) {
      run(user, 'cp', ['-a', primary.dataDir, standby.dataDir]);
      writeAs(user, join(standby.dataDir, 'standby.signal'), '');
      const name = i === 0 ? 'stratum_standby' : `stratum_standby_${i + 1}`;
      appendFileSync(
        join(standby.dataDir, 'postgresql.auto.conf'),
        `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=${name}'\n`,
      );
    }
    primary.start();
    for (const standby of standbys) standby.start();
  } catch (error) {
    destroy();
    throw error;
  }
  return { primary, standby: standbys[0]!, standbys, destroy };
}

function server(binaries: PostgresBinaries, user: ServerUser, dataDir: string, port: number) {
  const flags = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c shared_buffers=32MB',
    // Throwaway data needs no crash safety.
    '-c fsync=off',
    // wal_level=replica and max_wal_senders=10 are PostgreSQL 15's defaults. Keep enough WAL for a
    // standby that a test stops to catch up when it starts again.
    '-c wal_keep_size=128MB',
    // A restarted standby reconnects to the primary at once rather than after 5 s.
    '-c wal_retrieve_retry_interval=200ms',
  ].join(' ');
  const log = `${dataDir}.log`;
  return {
    dataDir,
    port,
    url: (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => {
      try {
        run(user, binaries.pg_ctl, [
          'start',
          '--wait',
          '--timeout=60',
          '-D',
          dataDir,
          '-l',
          log,
          '-o',
          flags,
        ]);
      } catch (error) {
        // The log goes with the temp dir on teardown: put its end in the error.
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
        throw new Error(`${(error as Error).message}\n${log}:\n${tail}`, { cause: error });
      }
    },
    stop: () => run(user, binaries.pg_ctl, ['stop', '--wait', '-m', 'fast', '-D', dataDir]),
    promote: () => run(user, binaries.pg_ctl, ['promote', '--wait', '-D', dataDir]),
    // Teardown: no checkpoint, no waiting for sessions; errors ignored (it may not be running).
    kill: () =>
      spawnSync(binaries.pg_ctl, ['stop', '--wait', '-m', 'immediate', '-D', dataDir], {
        ...user.spawn,
        stdio: 'ignore',
      }),
  };
}

function run(user: ServerUser, command: string, args: string[]): void {
  const result = spawnSync(command, args, { ...user.spawn, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

function writeAs(user: ServerUser, path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600 });
  chownAs(user, path);
}

function chownAs(user: ServerUser, path: string): void {
  if (user.uid !== undefined && user.gid !== undefined) chownSync(path, user.uid, user.gid);
}
