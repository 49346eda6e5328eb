import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResults } from './bench-results';
import { markdownReport } from './markdown-report';
import { svgChart } from './svg-chart';

export interface WrittenFiles {
  json: string;
  svg: string;
  markdown: string;
}

/** latest.json, latest.svg and latest.md in `dir`: the run's figures, its chart, and the README table. */
export async function writeResults(dir: string, results: BenchResults): Promise<WrittenFiles> {
  await mkdir(dir, { recursive: true });
  const files = {
    json: join(dir, 'latest.json'),
    svg: join(dir, 'latest.svg'),
    markdown: join(dir, 'latest.md'),
  };
  const { machine, settings } = results;
  const subtitle =
    `${settings.workers} workers, pool ${settings.pool}, ${settings.durationS} s each; ` +
    `${machine.cpus} × ${machine.cpuModel}; PostgreSQL ${machine.postgres}; Node ${machine.node}; ${results.startedAt.slice(0, 10)}`;
  await writeFile(files.json, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(files.svg, svgChart(results.operations, subtitle));
  await writeFile(files.markdown, markdownReport(results));
  return files;
}
