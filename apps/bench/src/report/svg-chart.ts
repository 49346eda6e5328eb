import type { ImplementationId } from '../harness/bench-operation';
import type { OperationResult } from '../harness/measure-operations';
import { formatRate, formatRatio } from './format';

const COLOURS: Record<ImplementationId, string> = {
  raw: '#6b7280',
  stratum: '#2563eb',
  prisma: '#d97706',
  drizzle: '#16a34a',
  'raw-tx': '#c4c8cf',
};

const LABEL_WIDTH = 300;
const PLOT_WIDTH = 520;
const TEXT_WIDTH = 150;
const BAR = 13;
const GAP = 2;
const GROUP_GAP = 12;
const TOP = 82;

/**
 * Throughput of every implementation relative to raw pg (the dashed line at 1×), one group of
 * bars per operation, each labelled with its ops/s. Relative, because the operations differ by
 * three orders of magnitude and what matters is the distance to the baseline. Hand-written SVG:
 * no chart library for a few rectangles.
 */
export function svgChart(operations: readonly OperationResult[], subtitle: string): string {
  const ratios = operations.flatMap((o) => o.results.map((r) => r.ratioToRaw ?? 0));
  const scaleMax = Math.min(5, Math.max(1.25, Math.ceil(Math.max(...ratios, 1) * 4) / 4));
  const x = (ratio: number) => LABEL_WIDTH + (Math.min(ratio, scaleMax) / scaleMax) * PLOT_WIDTH;
  const parts: string[] = [];
  let y = TOP;
  for (const operation of operations) {
    const groupHeight = operation.results.length * (BAR + GAP) - GAP;
    parts.push(text(LABEL_WIDTH - 10, y + groupHeight / 2 + 4, operation.title, 'end', 12, '#111827'));
    for (const result of operation.results) {
      const ratio = result.ratioToRaw ?? 0;
      const width = Math.max(1, x(ratio) - LABEL_WIDTH);
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLOURS[result.implementation]}"><title>${escape(
          `${result.label}: ${formatRate(result.opsPerSec)} ops/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`,
        )}</title></rect>`,
      );
      const clipped = ratio > scaleMax ? ' ▶' : '';
      parts.push(
        text(
          x(ratio) + 4,
          y + BAR - 3,
          `${formatRate(result.opsPerSec)}/s  ${formatRatio(ratio)}${clipped}`,
          'start',
          10,
          '#374151',
        ),
      );
      y += BAR + GAP;
    }
    y += GROUP_GAP;
  }
  const height = y + 24;
  const axis: string[] = [];
  for (let tick = 0; tick <= scaleMax + 1e-9; tick += scaleMax > 2.5 ? 1 : 0.25) {
    const at = x(tick);
    const one = Math.abs(tick - 1) < 1e-9;
    axis.push(
      `<line x1="${at}" y1="${TOP - 6}" x2="${at}" y2="${y - GROUP_GAP + 4}" stroke="${one ? '#111827' : '#e5e7eb'}" ${one ? 'stroke-dasharray="4 3"' : ''}/>`,
      text(at, y + 8, `${tick}×`, 'middle', 10, '#6b7280'),
    );
  }
  // Each entry as wide as its label (about 6.5 px a character at 11 px).
  let legendX = 16;
  const legend = (Object.keys(COLOURS) as ImplementationId[])
    .filter((id) => operations.some((o) => o.results.some((r) => r.implementation === id)))
    .map((id) => {
      const label = operations.flatMap((o) => o.results).find((r) => r.implementation === id)?.label ?? id;
      const lx = legendX;
      legendX += 16 + label.length * 6.5 + 18;
      return `<rect x="${lx}" y="46" width="12" height="12" fill="${COLOURS[id]}"/>${text(lx + 16, 56, label, 'start', 11, '#111827')}`;
    });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH + PLOT_WIDTH + TEXT_WIDTH}" height="${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(
      16,
      22,
      'Throughput relative to raw pg (dashed line = 1×); labels: ops/s and ratio',
      'start',
      14,
      '#111827',
      'bold',
    ),
    text(16, 36, subtitle, 'start', 11, '#6b7280'),
    ...legend,
    ...axis,
    ...parts,
    text(LABEL_WIDTH + PLOT_WIDTH / 2, height - 4, 'ops/s ÷ raw pg ops/s', 'middle', 10, '#6b7280'),
    `</svg>`,
    '',
  ].join('\n');
}

function text(
  x: number,
  y: number,
  content: string,
  anchor: string,
  size: number,
  fill: string,
  weight = 'normal',
): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escape(content)}</text>`;
}

function escape(content: string): string {
  return content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
