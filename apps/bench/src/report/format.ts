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

/** Node CPU per call of an implementation over raw pg's on the same operation (the cost table's ratio). */
export function nodeCpuRatio(
  operation: { results: ReadonlyArray<{ implementation: string; cost?: { nodeUs: number } }> },
  implementation = 'stratum',
): number | null {
  const subject = operation.results.find((r) => r.implementation === implementation)?.cost?.nodeUs;
  const raw = operation.results.find((r) => r.implementation === 'raw')?.cost?.nodeUs;
  return subject === undefined || raw === undefined || raw === 0 ? null : subject / raw;
}

export function formatNodeRatio(operation: Parameters<typeof nodeCpuRatio>[0]): string {
  return formatRatio(nodeCpuRatio(operation));
}
