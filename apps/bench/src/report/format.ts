/** Number formats shared by the console table, the markdown and the chart. */
export function formatRate(opsPerSec: number): string {
  if (opsPerSec >= 100) return Math.round(opsPerSec).toLocaleString('en-US');
  return opsPerSec.toFixed(opsPerSec >= 10 ? 1 : 2);
}

export function formatMs(ms: number): string {
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  return ms.toFixed(ms >= 10 ? 1 : 2);
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '';
  return `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toFixed(3)}×`;
}
