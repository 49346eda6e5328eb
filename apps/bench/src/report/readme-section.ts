import { readFile, writeFile } from 'node:fs/promises';
import type { ImplementationId } from '../harness/bench-operation';
import type { ImplementationResult, OperationResult } from '../harness/measure-operations';
import type { BenchResults } from './bench-results';
import { cacheShares, unsettledSummary } from './console-table';
import { formatNodeRatio, formatRate, formatRatio } from './format';

/**
 * The README's benchmark table is written by `bench --publish`, never by hand, so that it always
 * shows every operation of one quiet run and cannot drift from docs/bench/latest.*.
 */
export const README_BEGIN = '<!-- bench:latest:begin (written by `bench --publish`) -->';
export const README_END = '<!-- bench:latest:end -->';

const COLUMNS: ReadonlyArray<[ImplementationId, string]> = [
  ['raw', 'raw pg'],
  ['stratum', 'Stratum'],
  ['drizzle', 'Drizzle, prepared'],
  ['prisma', 'plain Prisma'],
];

/** The section between the markers: the run's conditions, every operation, and each target judged. */
export function readmeSection(results: BenchResults): string {
  const { machine, settings } = results;
  const missed = results.targets.filter((t) => t.met === false);
  const met = results.targets.filter((t) => t.met === true);
  return [
    `Latest published run, ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${settings.workers} workers, ` +
      `a pool of ${settings.pool} per implementation, ${settings.durationS} s each in ${settings.rounds} ` +
      `slices, on ${machine.cpus} × ${machine.cpuModel} with PostgreSQL ${machine.postgres} on the same machine; ` +
      `load average ${machine.loadBefore} before the run. ops/s, and the ratio to raw pg on the same ` +
      `operation; the last column is Stratum's Node CPU per call over raw pg's (one call at a time).`,
    '',
    `| operation | ${COLUMNS.map(([, title]) => title).join(' | ')} | Node CPU ×raw |`,
    `| :-- |${' --: |'.repeat(COLUMNS.length + 1)}`,
    ...results.operations.map(row),
    '',
    `Targets: ${met.length} met, ${missed.length} missed` +
      (missed.length ? ':' : '.') +
      (missed.length
        ? `\n\n${missed.map((t) => `- ${t.target}: ${t.detail}${t.unsettled ? ' (within the rounds)' : ''}`).join('\n')}`
        : ''),
    ...spreadNote(results),
  ].join('\n');
}

/** A ratio target's rounds: each round ran every implementation on the same inputs, so its ratios pair up. */
function spreadNote(results: BenchResults): string[] {
  const summary = unsettledSummary(results.targets);
  return [
    '',
    `A ratio target's figures end with its ${results.settings.rounds} rounds' lowest and highest ratio. ` +
      (summary || "No verdict has its target within its rounds' spread."),
  ];
}

function row(operation: OperationResult): string {
  const cell = (id: ImplementationId) => {
    const result = operation.results.find((r) => r.implementation === id);
    return result ? cellText(id, result) : '–';
  };
  return `| ${operation.title} | ${COLUMNS.map(([id]) => cell(id)).join(' | ')} | ${formatNodeRatio(operation) || '–'} |`;
}

function cellText(id: ImplementationId, result: ImplementationResult): string {
  const ratio = id === 'raw' ? '' : ` (${formatRatio(result.ratioToRaw)})`;
  const hits = result.hitRatio === undefined ? '' : `, ${cacheShares(result)}`;
  const errors = result.errors ? `, ${result.errors} errors` : '';
  return `${formatRate(result.opsPerSec)}${ratio}${hits}${errors}`;
}

/** `readme` with the text between the markers replaced; refuses a README without exactly one pair. */
export function withReadmeSection(readme: string, section: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (
    begin < 0 ||
    end < begin ||
    readme.indexOf(README_BEGIN, begin + 1) >= 0 ||
    readme.indexOf(README_END, end + 1) >= 0
  )
    throw new Error(`the README needs exactly one "${README_BEGIN}" … "${README_END}" pair, in that order`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n\n${section}\n\n${readme.slice(end)}`;
}

/** Rewrites the section and formats the README as `npm run format` would, so the commit is the table alone. */
export async function writeReadmeSection(path: string, results: BenchResults): Promise<void> {
  const readme = withReadmeSection(await readFile(path, 'utf8'), readmeSection(results));
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(path);
  await writeFile(path, await prettier.format(readme, { ...config, filepath: path }));
}
