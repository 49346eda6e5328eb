import type { OperationResult } from '../harness/measure-operations';
import type { PgbenchResult } from '../pgbench/pgbench';
import type { MachineInfo } from './machine-info';
import type { TargetCheck } from './targets';

/** The JSON a run writes (latest.json): everything the table, chart and README are made from. */
export interface BenchResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  settings: {
    workers: number;
    pool: number;
    durationS: number;
    warmupS: number;
    rounds: number;
    costSeconds: number;
    seed: number;
    users: number;
    orders: number;
    accounts: number;
    productSizes: number[];
    redis: boolean;
  };
  pgbench: PgbenchResult;
  operations: OperationResult[];
  targets: TargetCheck[];
}
