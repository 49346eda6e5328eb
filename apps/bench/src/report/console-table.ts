import type { ImplementationResult, OperationResult } from '../harness/measure-operations';
import type { PgbenchResult } from '../pgbench/pgbench';
import { formatMs, formatRate, formatRatio } from './format';
import type { TargetCheck } from './targets';

const HEADER = [
  'operation',
  'implementation',
  'ops/s',
  'p50 ms',
  'p99 ms',
  '× raw',
  'trips',
  'node µs',
  'node ×raw',
  'pg µs',
  'errors',
];

/** The run's figures as a plain-text table, one row per implementation. */
export function consoleTable(operations: readonly OperationResult[]): string {
  const rows: string[][] = [];
  for (const operation of operations) {
    const rawNodeUs = operation.results.find((r) => r.implementation === 'raw')?.cost?.nodeUs;
    operation.results.forEach((result, index) =>
      rows.push(row(index === 0 ? operation.title : '', result, rawNodeUs)),
    );
  }
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...rows.map((r) => (r[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function resultLine(title: string, result: ImplementationResult): string {
  return `${title.padEnd(44).slice(0, 44)} ${row('', result).slice(1).join('  ')}`;
}

function row(title: string, result: ImplementationResult, rawNodeUs?: number): string[] {
  return [
    title,
    labelOf(result),
    formatRate(result.opsPerSec),
    formatMs(result.p50Ms),
    formatMs(result.p99Ms),
    formatRatio(result.ratioToRaw),
    result.roundTrips.toFixed(1),
    result.cost ? Math.round(result.cost.nodeUs).toLocaleString('en-US') : '',
    result.cost && rawNodeUs ? formatRatio(result.cost.nodeUs / rawNodeUs) : '',
    result.cost?.serverUs != null ? Math.round(result.cost.serverUs).toLocaleString('en-US') : '',
    result.errors ? `${result.errors} (${result.firstError ?? ''})` : '0',
  ];
}

export function pgbenchLine(pgbench: PgbenchResult): string {
  if (pgbench.status === 'skipped') return `pgbench: ${pgbench.reason}`;
  const latency = pgbench.latencyMs === null ? '' : `, latency ${formatMs(pgbench.latencyMs)} ms`;
  return (
    `pgbench TPC-B (scale ${pgbench.scale}, ${pgbench.clients} clients, ${pgbench.jobs} threads, ` +
    `${pgbench.durationS} s): ${formatRate(pgbench.tps)} tps${latency}`
  );
}

export function targetLines(targets: readonly TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? ' - ' : met ? 'MET' : 'MISSED');
  const lines = targets.map(
    (t) => `${mark(t.met).padEnd(6)} ${t.target}: ${t.detail}${t.unsettled ? ' (within the rounds)' : ''}`,
  );
  return [...lines, unsettledSummary(targets)].filter(Boolean).join('\n');
}

/** How many verdicts one run's rounds do not settle: the target lies between its lowest and highest round. */
export function unsettledSummary(targets: readonly TargetCheck[]): string {
  const unsettled = targets.filter((t) => t.unsettled && t.met !== null);
  if (unsettled.length === 0) return '';
  const missed = unsettled.filter((t) => t.met === false).length;
  return (
    `${unsettled.length} verdicts (${missed} missed, ${unsettled.length - missed} met) have the target ` +
    `within their rounds' spread: this run alone does not settle them.`
  );
}

/** The implementation's name, with the cache's hit ratio beside a cached figure. */
export function labelOf(result: ImplementationResult): string {
  return result.hitRatio === undefined ? result.label : `${result.label} (${cacheShares(result)})`;
}

/** "99.2% hits" and, when Redis failed open, the share it sent to the database. */
export function cacheShares(result: ImplementationResult): string {
  const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
  const hits = `${percent(result.hitRatio ?? 0)} hits`;
  return result.bypassRatio ? `${hits}, ${percent(result.bypassRatio)} bypassed` : hits;
}
