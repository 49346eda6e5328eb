import type { ImplementationId } from '../harness/bench-operation';
import type { ImplementationResult, OperationResult } from '../harness/measure-operations';
import type { BenchResults } from './bench-results';
import { cacheShares, pgbenchLine } from './console-table';
import { formatMs, formatNodeRatio, formatRate, formatRatio } from './format';

const COLUMNS: ReadonlyArray<[ImplementationId, string]> = [
  ['raw', 'raw pg'],
  ['stratum', 'Stratum'],
  ['drizzle', 'Drizzle, prepared'],
  ['prisma', 'plain Prisma'],
];

/** latest.md: the tables the README shows, with the machine and settings they were measured on. */
export function markdownReport(results: BenchResults): string {
  const { machine, settings } = results;
  const settingsText = Object.entries(machine.postgresSettings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return [
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} × ${machine.cpuModel}, ` +
      `${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres} on the same ` +
      `machine (${settingsText}); load average ${machine.loadBefore} before, ${machine.loadAfter ?? '?'} after.`,
    '',
    `${settings.workers} workers, a pool of ${settings.pool} per implementation, ${settings.warmupS} s warm-up, then ` +
      `${settings.durationS} s per implementation in ${settings.rounds} slices, in an order balanced over the rounds; ` +
      `${settings.users.toLocaleString('en-US')} users, ${settings.orders.toLocaleString('en-US')} orders, ` +
      `${settings.accounts.toLocaleString('en-US')} accounts. Ratios are to raw pg on the same operation.`,
    '',
    `| operation | ${COLUMNS.map(([, title]) => `${title} ops/s`).join(' | ')} | Stratum p50 / p99 ms | raw p50 / p99 ms |`,
    `| :-- |${' --: |'.repeat(COLUMNS.length + 2)}`,
    ...results.operations.map(throughputRow),
    '',
    pgbenchLine(results.pgbench),
    '',
    'Where the time goes: one call alone on a pool of one. Round trips per call; CPU per call in µs, ' +
      'Node (driver, Prisma, mapping) + PostgreSQL (parse, plan, execute).',
    '',
    `| operation | ${COLUMNS.map(([, title]) => title).join(' | ')} | Stratum / raw pg, Node CPU |`,
    `| :-- |${' --: |'.repeat(COLUMNS.length + 1)}`,
    ...results.operations.map(costRow),
    '',
    '| target | result | figures |',
    '| :-- | :-- | :-- |',
    ...results.targets.map(
      (t) =>
        `| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'met' : '**missed**'}${t.unsettled ? ', within the rounds' : ''} | ${t.detail} |`,
    ),
    '',
  ].join('\n');
}

function find(operation: OperationResult, id: ImplementationId): ImplementationResult | undefined {
  return operation.results.find((r) => r.implementation === id);
}

function throughputRow(operation: OperationResult): string {
  const cell = (id: ImplementationId) => {
    const result = find(operation, id);
    if (!result) return '';
    const ratio = id === 'raw' ? '' : ` (${formatRatio(result.ratioToRaw)})`;
    const hits = result.hitRatio === undefined ? '' : `, ${cacheShares(result)}`;
    return `${formatRate(result.opsPerSec)}${ratio}${hits}${result.errors ? ` ⚠ ${result.errors} errors` : ''}`;
  };
  const latency = (id: ImplementationId) => {
    const result = find(operation, id);
    return result ? `${formatMs(result.p50Ms)} / ${formatMs(result.p99Ms)}` : '';
  };
  const extra = find(operation, 'raw-tx');
  const title = extra
    ? `${operation.title} (raw pg as a 7-round-trip transaction: ${formatRate(extra.opsPerSec)}, ${formatRatio(extra.ratioToRaw)})`
    : operation.title;
  return `| ${title} | ${COLUMNS.map(([id]) => cell(id)).join(' | ')} | ${latency('stratum')} | ${latency('raw')} |`;
}

function costRow(operation: OperationResult): string {
  const cell = (id: ImplementationId) => {
    const result = find(operation, id);
    if (!result?.cost) return '';
    const server =
      result.cost.serverUs === null ? '?' : Math.round(result.cost.serverUs).toLocaleString('en-US');
    return `${result.roundTrips.toFixed(1)} trips, ${Math.round(result.cost.nodeUs).toLocaleString('en-US')} + ${server}`;
  };
  return `| ${operation.title} | ${COLUMNS.map(([id]) => cell(id)).join(' | ')} | ${formatNodeRatio(operation)} |`;
}
