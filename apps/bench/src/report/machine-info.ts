import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { withAdminClient } from '@stratum/postgres-toolkit';

/** What the figures depend on besides the code: printed with them, stored with them. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 1-minute load average before the run: anything near the core count means a noisy neighbour. */
  loadBefore: number;
  loadAfter?: number;
}

const SETTINGS = ['shared_buffers', 'work_mem', 'synchronous_commit', 'fsync', 'max_connections', 'jit'];

export async function describeMachine(server: string, loadBefore = currentLoad()): Promise<MachineInfo> {
  const [{ rows }, version] = await withAdminClient(server, (client) =>
    Promise.all([
      client.query<{ name: string; setting: string }>(
        `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY ($1) ORDER BY name`,
        [SETTINGS],
      ),
      client.query<{ server_version: string }>('SHOW server_version'),
    ]),
  );
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: version.rows[0]?.server_version ?? 'unknown',
    postgresSettings: Object.fromEntries(rows.map((row) => [row.name, row.setting])),
    loadBefore,
  };
}

/**
 * Above this 1-minute load average before a run, the machine is busy with something else and the
 * figures are too noisy to stand in the README: such a run may not publish.
 */
export const MAX_PUBLISH_LOAD = 1.5;

export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
