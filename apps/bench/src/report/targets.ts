import type { ImplementationId } from '../harness/bench-operation';
import type { ImplementationResult, OperationResult } from '../harness/measure-operations';
import { nodeCpuRatio } from './format';
import { formatSpread, roundRatios, spans, spreadOf, type RoundSpread } from './round-spread';

/** One of the targets (issues #7 and #11), judged on this run's figures; `met` is null when the run did not measure it. */
export interface TargetCheck {
  id: string;
  target: string;
  met: boolean | null;
  detail: string;
  /** The ratio round by round, where the target compares two implementations on one operation. */
  spread?: RoundSpread;
  /** The target lies within `spread`: whichever way it was judged, this run does not settle it. */
  unsettled?: boolean;
}

type Find = (operation: string, implementation: ImplementationId) => ImplementationResult | undefined;

export function checkTargets(operations: readonly OperationResult[]): TargetCheck[] {
  const find: Find = (operation, implementation) =>
    operations.find((o) => o.id === operation)?.results.find((r) => r.implementation === implementation);
  const oneMillion = operations.find((o) => o.id === 'product-search-1M');
  return [
    ratio(
      find,
      'transfer-vs-raw-tx',
      'transfer: Stratum ≥ raw pg interactive transaction',
      ['transfer', 'stratum'],
      ['transfer', 'raw-tx'],
      1,
    ),
    ratio(
      find,
      'transfer-vs-prisma',
      'transfer: Stratum ≥ 4× plain Prisma',
      ['transfer', 'stratum'],
      ['transfer', 'prisma'],
      4,
    ),
    ratio(
      find,
      'order-vs-raw',
      'order with 5 items: Stratum ≥ 0.8× raw pg',
      ['order-place-5', 'stratum'],
      ['order-place-5', 'raw'],
      0.8,
    ),
    ratio(
      find,
      'user-by-id-vs-raw',
      'user by id, uncached: Stratum ≥ 0.6× raw pg',
      ['user-by-id', 'stratum'],
      ['user-by-id', 'raw'],
      0.6,
    ),
    ratio(
      find,
      'user-by-id-cached-vs-raw',
      'user by id, cached: Stratum ≥ 1.5× raw pg',
      ['user-by-id-cached', 'stratum'],
      ['user-by-id-cached', 'raw'],
      1.5,
    ),
    ratio(
      find,
      'keyset-flat',
      'keyset paging flat: deep page ≥ 0.8× page 1 (Stratum)',
      ['active-keyset-deep', 'stratum'],
      ['active-keyset-first', 'stratum'],
      0.8,
    ),
    searchLatency(
      oneMillion?.results.find((r) => r.implementation === 'stratum'),
      5,
      50,
    ),
    searchOverlap(oneMillion, 90),
    ...issue11Targets(find, operations),
  ];
}

/** The uncached reads of issue #11: at least 0.9× raw pg and not behind Drizzle (0.95×). */
const UNCACHED_READS = [
  'user-by-id',
  'user-by-email',
  'user-search',
  'active-offset-first',
  'active-offset-deep',
  'active-keyset-first',
  'active-keyset-deep',
  'customer-orders',
  'product-search-10k',
  'product-search-100k',
];
const WRITES = ['order-place-5', 'transfer'];

function issue11Targets(find: Find, operations: readonly OperationResult[]): TargetCheck[] {
  const title = (id: string) => operations.find((o) => o.id === id)?.title ?? id;
  const checks: TargetCheck[] = [];
  for (const id of [...UNCACHED_READS, ...WRITES]) {
    checks.push(
      ratio(find, `${id}-vs-raw`, `${title(id)}: Stratum ≥ 0.9× raw pg`, [id, 'stratum'], [id, 'raw'], 0.9),
    );
  }
  for (const id of UNCACHED_READS) {
    if (!find(id, 'drizzle')) continue;
    checks.push(
      ratio(
        find,
        `${id}-vs-drizzle`,
        `${title(id)}: Stratum ≥ 0.95× Drizzle`,
        [id, 'stratum'],
        [id, 'drizzle'],
        0.95,
      ),
    );
  }
  // Cached reads against the uncached SQL; the product ones run only with Redis, so are judged only then.
  checks.push(
    ratio(
      find,
      'user-by-id-cached-2x',
      'user by id, cached: Stratum ≥ 2× raw pg',
      ['user-by-id-cached', 'stratum'],
      ['user-by-id-cached', 'raw'],
      2,
    ),
  );
  for (const id of ['product-by-id-cached', 'product-search-cached']) {
    if (!find(id, 'stratum')) continue;
    checks.push(
      ratio(find, `${id}-2x`, `${title(id)}: Stratum ≥ 2× raw pg`, [id, 'stratum'], [id, 'raw'], 2),
    );
  }
  for (const operation of operations) {
    const node = nodeCpuRatio(operation);
    if (node === null) continue;
    const costOf = (id: ImplementationId) =>
      operation.results.find((r) => r.implementation === id)?.cost?.roundNodeUs ?? [];
    const spread = spreadOf(roundRatios(costOf('stratum'), costOf('raw')));
    checks.push({
      id: `${operation.id}-node-cpu`,
      target: `${operation.title}: Stratum's Node CPU per call ≤ 1.25× raw pg's`,
      met: node <= 1.25,
      detail: `${node.toFixed(2)}×${roundsText(spread)}`,
      ...spreadFields(spread, 1.25),
    });
  }
  return checks;
}

function ratio(
  find: Find,
  id: string,
  target: string,
  [operation, implementation]: [string, ImplementationId],
  [baseOperation, baseImplementation]: [string, ImplementationId],
  factor: number,
): TargetCheck {
  const subject = find(operation, implementation);
  const base = find(baseOperation, baseImplementation);
  if (!subject || !base || base.opsPerSec === 0)
    return { id, target, met: null, detail: 'not measured in this run' };
  const achieved = subject.opsPerSec / base.opsPerSec;
  // Rounds pair up only within one operation: there each round gave every implementation the same inputs.
  const spread =
    operation === baseOperation ? spreadOf(roundRatios(subject.roundOpsPerSec, base.roundOpsPerSec)) : null;
  return {
    id,
    target,
    met: achieved >= factor && subject.errors === 0,
    detail:
      `${fmt(subject.opsPerSec)} vs ${fmt(base.opsPerSec)} ops/s = ${achieved.toFixed(2)}× (needs ${factor}×)` +
      roundsText(spread) +
      (subject.errors ? `, ${subject.errors} errors` : ''),
    ...spreadFields(spread, factor),
  };
}

function roundsText(spread: RoundSpread | null): string {
  return spread ? `; ${spread.rounds} rounds ${formatSpread(spread)}×` : '';
}

function spreadFields(spread: RoundSpread | null, factor: number): Pick<TargetCheck, 'spread' | 'unsettled'> {
  return spread ? { spread, unsettled: spans(spread, factor) } : {};
}

function searchLatency(subject: ImplementationResult | undefined, p50Ms: number, p99Ms: number): TargetCheck {
  const id = 'search-1m-latency';
  const target = `product search at 1M: Stratum p50 ≤ ${p50Ms} ms and p99 ≤ ${p99Ms} ms`;
  if (!subject) return { id, target, met: null, detail: 'not measured in this run (run with --full)' };
  // Latency with every worker busy includes queueing for the cores; one client alone shows the search itself.
  const alone = subject.cost
    ? `; one client alone: p50 ${subject.cost.p50Ms.toFixed(1)}, p99 ${subject.cost.p99Ms.toFixed(1)} ms`
    : '';
  return {
    id,
    target,
    met: subject.p50Ms <= p50Ms && subject.p99Ms <= p99Ms,
    detail: `p50 ${subject.p50Ms.toFixed(1)} ms, p99 ${subject.p99Ms.toFixed(1)} ms with every worker busy${alone}`,
  };
}

/** Search ranks a bounded set of candidates: its top 20 must stay close to exact ts_rank order. */
function searchOverlap(operation: OperationResult | undefined, minPct: number): TargetCheck {
  const id = 'search-1m-overlap';
  const target = `product search at 1M: top 20 overlap exact ts_rank order ≥ ${minPct} %`;
  const overlap = operation?.searchOverlap;
  if (!overlap) return { id, target, met: null, detail: 'not measured in this run (run with --full)' };
  return {
    id,
    target,
    met: overlap.meanPct >= minPct,
    detail:
      `${overlap.meanPct.toFixed(1)} % over ${overlap.queries} fixed queries ` +
      `(worst query ${overlap.minPct.toFixed(0)} %, ${overlap.identical} identical)`,
  };
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
