/**
 * A throwaway Redis Cluster for tests: 3 masters and 3 replicas started from the machine's
 * `redis-server` binary on free ports, joined with `redis-cli --cluster create`, killed and
 * deleted after the file. Where no binary exists the caller skips, naming `missing`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';

export type RedisBinariesLookup = { found: { server: string; cli: string } } | { missing: string };

/** `REDIS_SERVER_BIN`/`REDIS_CLI_BIN` if set, else `redis-server`/`redis-cli` on the PATH. */
export function findRedisBinaries(env: NodeJS.ProcessEnv = process.env): RedisBinariesLookup {
  const server = env['REDIS_SERVER_BIN'] || onPath('redis-server', env);
  const cli = env['REDIS_CLI_BIN'] || onPath('redis-cli', env);
  if (server && cli) return { found: { server, cli } };
  return {
    missing:
      'no redis-server/redis-cli binaries (install Redis 7, e.g. apt-get install redis-server, or set REDIS_SERVER_BIN and REDIS_CLI_BIN)',
  };
}

export interface ClusterNode {
  readonly port: number;
  /** Host:port as the cluster announces it. */
  readonly address: string;
}

export interface RedisCluster {
  readonly nodes: readonly ClusterNode[];
  /** The value for REDIS_CLUSTER_NODES: every node, comma-separated. */
  readonly nodesSetting: string;
  /** The node serving `key`'s slot as master right now. */
  masterOf(key: string): Promise<ClusterNode>;
  /** The replica following `master` right now. */
  replicaOf(master: ClusterNode): Promise<ClusterNode>;
  /** SIGKILL, as a crashed machine: no goodbye to the cluster, no saving. */
  kill(node: ClusterNode): void;
  /** Starts a killed node again on its port and config: it rejoins, as a replica if it was failed over. */
  restart(node: ClusterNode): void;
  /** SIGSTOP / SIGCONT: the node hangs (connections stay open, nothing is answered), then carries on. */
  pause(node: ClusterNode): void;
  resume(node: ClusterNode): void;
  /** Resolves once every live node reports cluster_state:ok and every slot has a reachable master. */
  waitUntilHealthy(timeoutMs?: number): Promise<void>;
  /** Kills every node and deletes the data directory; safe to call twice. */
  destroy(): void;
}

export interface RedisClusterOptions {
  readonly masters?: number;
  /** How long a master may be silent before its replica takes over; low so failover tests are quick. */
  readonly nodeTimeoutMs?: number;
}

export async function startRedisCluster(
  binaries: { server: string; cli: string },
  options: RedisClusterOptions = {},
): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 1_000;
  const dir = mkdtempSync(join(tmpdir(), 'stratum-redis-cluster-'));
  const running = new Map<number, ChildProcess>();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    process.off('exit', destroy);
    for (const child of running.values()) child.kill('SIGKILL');
    running.clear();
    rmSync(dir, { recursive: true, force: true });
  };
  // A worker that dies mid-file must not leave six servers behind.
  process.on('exit', destroy);

  try {
    const ports = await clusterPorts(masters * 2);
    for (const port of ports) running.set(port, startNode(binaries.server, dir, port, nodeTimeoutMs));
    await Promise.all(ports.map((port) => waitForPing(port, dir)));
    const create = spawnSync(
      binaries.cli,
      [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0) {
      throw new Error(
        `redis-cli --cluster create failed (exit ${create.status}):\n${create.stdout}${create.stderr}`,
      );
    }
    const nodes = ports.map((port) => ({ port, address: `127.0.0.1:${port}` }));
    const cluster: RedisCluster = {
      nodes,
      nodesSetting: nodes.map((node) => node.address).join(','),
      masterOf: async (key) => {
        const live = nodes.find((node) => running.has(node.port));
        if (!live) throw new Error('no node is running');
        return withNode(live.port, async (client) => {
          const slot = Number(await client.call('CLUSTER', 'KEYSLOT', key));
          const port = masterPortForSlot(String(await client.call('CLUSTER', 'NODES')), slot);
          const node = nodes.find((candidate) => candidate.port === port);
          if (!node) throw new Error(`no master serves slot ${slot}`);
          return node;
        });
      },
      replicaOf: async (master) => {
        const live = nodes.find((node) => running.has(node.port) && node.port !== master.port);
        if (!live) throw new Error('no other node is running');
        const table = await withNode(live.port, async (client) =>
          String(await client.call('CLUSTER', 'NODES')),
        );
        const port = replicaPortOf(table, master.port);
        const node = nodes.find((candidate) => candidate.port === port);
        if (!node) throw new Error(`no replica follows ${master.address}`);
        return node;
      },
      kill: (node) => {
        running.get(node.port)?.kill('SIGKILL');
        running.delete(node.port);
      },
      restart: (node) => {
        if (running.has(node.port)) throw new Error(`${node.address} is running`);
        running.set(node.port, startNode(binaries.server, dir, node.port, nodeTimeoutMs));
      },
      pause: (node) => void running.get(node.port)?.kill('SIGSTOP'),
      resume: (node) => void running.get(node.port)?.kill('SIGCONT'),
      waitUntilHealthy: (timeoutMs = 20_000) =>
        until(`cluster healthy (${dir})`, timeoutMs, () => healthy([...running.keys()])),
      destroy,
    };
    // Replicas must have synced, or a failover test could promote an empty replica.
    await cluster.waitUntilHealthy();
    return cluster;
  } catch (error) {
    const logs = [...running.keys()].map((port) => tail(join(dir, `${port}.log`))).join('\n');
    destroy();
    throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
  }
}

function startNode(server: string, dir: string, port: number, nodeTimeoutMs: number): ChildProcess {
  const log = openSync(join(dir, `${port}.log`), 'a');
  const child = spawn(
    server,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      `nodes-${port}.conf`,
      '--cluster-node-timeout',
      String(nodeTimeoutMs),
      // Promote a replica however long it was cut off: a test cluster wants availability.
      '--cluster-replica-validity-factor',
      '0',
      // A replica's first sync starts at once rather than after the default 5 s of waiting for others.
      '--repl-diskless-sync-delay',
      '0',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  child.on('error', () => {});
  return child;
}

/** Ports P with P and the cluster bus port P+10000 both free. */
async function clusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = randomInt(20_000, 30_000);
    if (ports.includes(port)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function withNode<T>(port: number, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
    commandTimeout: 2_000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

async function waitForPing(port: number, dir: string): Promise<void> {
  await until(`redis-server on ${port} (log: ${dir}/${port}.log)`, 10_000, async () =>
    withNode(port, async (client) => (await client.ping()) === 'PONG').catch(() => false),
  );
}

async function healthy(ports: number[]): Promise<boolean> {
  try {
    for (const port of ports) {
      const ok = await withNode(port, async (client) => {
        const info = String(await client.call('CLUSTER', 'INFO'));
        if (!info.includes('cluster_state:ok')) return false;
        const replication = await client.info('replication');
        return !replication.includes('role:slave') || replication.includes('master_link_status:up');
      });
      if (!ok) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** From CLUSTER NODES: the port of the connected master whose slot ranges contain `slot`. */
function masterPortForSlot(nodes: string, slot: number): number | null {
  for (const line of nodes.split('\n')) {
    const [, address, flags, , , , , link, ...slots] = line.split(' ');
    if (!address || !flags?.includes('master') || flags.includes('fail') || link !== 'connected') continue;
    for (const range of slots) {
      const [from, to = from] = range.split('-').map(Number);
      if (from !== undefined && to !== undefined && slot >= from && slot <= to) {
        return Number(address.split('@')[0]!.split(':')[1]);
      }
    }
  }
  return null;
}

/** From CLUSTER NODES: the port of a connected replica whose master listens on `masterPort`. */
function replicaPortOf(nodes: string, masterPort: number): number | null {
  const rows = nodes.split('\n').map((line) => line.split(' '));
  const master = rows.find(([, address]) => address?.split('@')[0]?.endsWith(`:${masterPort}`));
  const replica = rows.find(
    ([, address, flags, masterId, , , , link]) =>
      address &&
      flags?.includes('slave') &&
      !flags.includes('fail') &&
      link === 'connected' &&
      masterId === master?.[0],
  );
  return replica ? Number(replica[1]!.split('@')[0]!.split(':')[1]) : null;
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function tail(path: string): string {
  return existsSync(path) ? `${path}:\n${readFileSync(path, 'utf8').split('\n').slice(-10).join('\n')}` : '';
}
