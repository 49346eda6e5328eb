import { describe, expect, it } from 'vitest';
import { assertPublishable } from '../src/bench-run';
import { parseBenchOptions } from '../src/cli/bench-options';
import type { ImplementationId } from '../src/harness/bench-operation';
import type { ImplementationResult, OperationResult } from '../src/harness/measure-operations';
import type { BenchResults } from '../src/report/bench-results';
import { README_BEGIN, README_END, readmeSection, withReadmeSection } from '../src/report/readme-section';
import { checkTargets } from '../src/report/targets';

function result(
  implementation: ImplementationId,
  opsPerSec: number,
  extra: Partial<ImplementationResult> = {},
) {
  return {
    implementation,
    label: implementation,
    ratioToRaw: opsPerSec / 1000,
    roundTrips: 1,
    ops: opsPerSec * 3,
    opsPerSec,
    errors: 0,
    firstError: undefined,
    elapsedS: 3,
    // Three rounds, each at the run's rate: the ratio is the same every round.
    roundOpsPerSec: [opsPerSec, opsPerSec, opsPerSec],
    p50Ms: 1,
    p90Ms: 2,
    p99Ms: 3,
    maxMs: 4,
    meanMs: 1.2,
    cost: {
      nodeUs: implementation === 'raw' ? 100 : 120,
      serverUs: 50,
      latencyUs: 300,
      p50Ms: 0.3,
      p99Ms: 0.9,
      calls: 100,
      roundNodeUs: implementation === 'raw' ? [100, 100, 100] : [120, 120, 120],
    },
    ...extra,
  } satisfies ImplementationResult;
}

const operations: OperationResult[] = [
  {
    id: 'user-by-id',
    title: 'user by id',
    database: 'stratum_bench',
    results: [result('raw', 1000), result('stratum', 1100), result('drizzle', 950), result('prisma', 500)],
  },
  {
    id: 'user-by-id-cached',
    title: 'user by id, Redis cache',
    database: 'stratum_bench',
    results: [result('raw', 1000), result('stratum', 2500, { hitRatio: 0.991 })],
  },
];

const results: BenchResults = {
  version: 1,
  startedAt: '2026-12-02T12:00:00.000Z',
  finishedAt: '2026-12-02T12:20:00.000Z',
  machine: {
    cpus: 2,
    cpuModel: 'Test CPU',
    memoryGb: 24,
    os: 'Linux',
    node: 'v20',
    postgres: '15',
    postgresSettings: {},
    loadBefore: 0.2,
  },
  settings: {
    workers: 8,
    pool: 8,
    durationS: 3,
    warmupS: 1,
    rounds: 3,
    costSeconds: 1,
    seed: 7,
    users: 1,
    orders: 1,
    accounts: 1,
    productSizes: [10_000],
    redis: true,
  },
  pgbench: { status: 'skipped', reason: 'test' },
  operations,
  targets: checkTargets(operations),
};

describe("the README's benchmark section", () => {
  it('has one row per operation, every implementation in its column and a dash where one did not run', () => {
    const section = readmeSection(results);
    const rows = section
      .split('\n')
      .filter((line) => /^\| [^:]/.test(line) && !line.startsWith('| operation'));
    expect(rows).toEqual([
      '| user by id | 1,000 | 1,100 (1.10×) | 950 (0.95×) | 500 (0.50×) | 1.20× |',
      '| user by id, Redis cache | 1,000 | 2,500 (2.50×), 99.1% hits | – | – | 1.20× |',
    ]);
    expect(section).toContain('load average 0.2 before the run');
  });

  it('lists each missed target with its figures', () => {
    const section = readmeSection(results);
    // Drizzle at 0.95× of raw and Stratum at 1.1×: met; Node CPU 1.2× of raw: met; the 1M search: not run.
    expect(section).toMatch(/Targets: \d+ met, 0 missed\./);
    const slow = readmeSection({
      ...results,
      targets: checkTargets([{ ...operations[0]!, results: [result('raw', 1000), result('stratum', 800)] }]),
    });
    expect(slow).toContain(
      '- user by id: Stratum ≥ 0.9× raw pg: 800 vs 1,000 ops/s = 0.80× (needs 0.9×); 3 rounds 0.80–0.80×',
    );
    expect(slow).toContain("No verdict has its target within its rounds' spread.");
  });

  it("marks a verdict whose target lies within its rounds' spread, met or missed", () => {
    // Pooled 0.85×, but one round of three reached 1.00×: the 0.9× target is not settled by this run.
    const noisy = checkTargets([
      {
        ...operations[0]!,
        results: [
          result('raw', 1000, { roundOpsPerSec: [1000, 1000, 1000] }),
          result('stratum', 850, { roundOpsPerSec: [700, 850, 1000] }),
        ],
      },
    ]);
    const vsRaw = noisy.find((t) => t.target === 'user by id: Stratum ≥ 0.9× raw pg')!;
    expect(vsRaw).toMatchObject({ met: false, unsettled: true, spread: { low: 0.7, high: 1, rounds: 3 } });
    expect(vsRaw.detail).toContain('3 rounds 0.70–1.00×');
    const section = readmeSection({ ...results, targets: noisy });
    expect(section).toContain('(needs 0.9×); 3 rounds 0.70–1.00× (within the rounds)');
    expect(section).toMatch(/\d+ verdicts \(1 missed, \d+ met\) have the target within their rounds' spread/);
    // A miss in every round is settled, even with a spread.
    const slowEveryRound = checkTargets([
      {
        ...operations[0]!,
        results: [result('raw', 1000), result('stratum', 800, { roundOpsPerSec: [750, 800, 850] })],
      },
    ]).find((t) => t.target === 'user by id: Stratum ≥ 0.9× raw pg');
    expect(slowEveryRound).toMatchObject({ met: false, unsettled: false });
  });

  it("pairs the Node CPU target's rounds too", () => {
    const costly = (roundNodeUs: number[]) =>
      result('stratum', 1000, { cost: { ...result('stratum', 1000).cost, nodeUs: 130, roundNodeUs } });
    const check = (roundNodeUs: number[]) =>
      checkTargets([{ ...operations[0]!, results: [result('raw', 1000), costly(roundNodeUs)] }]).find(
        (t) => t.id === 'user-by-id-node-cpu',
      );
    expect(check([110, 130, 150])).toMatchObject({
      met: false,
      unsettled: true,
      detail: '1.30×; 3 rounds 1.10–1.50×',
    });
    expect(check([128, 130, 132])).toMatchObject({ met: false, unsettled: false });
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\nbefore\n${README_BEGIN}\nold table\n${README_END}\nafter\n`;
    const updated = withReadmeSection(readme, 'new table');
    expect(updated).toBe(`# Title\n\nbefore\n${README_BEGIN}\n\nnew table\n\n${README_END}\nafter\n`);
    expect(withReadmeSection(updated, 'newer')).toBe(
      `# Title\n\nbefore\n${README_BEGIN}\n\nnewer\n\n${README_END}\nafter\n`,
    );
  });

  it('refuses a README without exactly one pair of markers', () => {
    expect(() => withReadmeSection('no markers', 'x')).toThrow(/exactly one/);
    expect(() => withReadmeSection(`${README_END}\n${README_BEGIN}`, 'x')).toThrow(/exactly one/);
    expect(() => withReadmeSection(`${README_BEGIN}${README_END}${README_BEGIN}${README_END}`, 'x')).toThrow(
      /exactly one/,
    );
  });
});

describe('publishing', () => {
  const full = ['--full', '--publish'];
  it('is allowed for a full run on a quiet machine, and rewrites the README only for docs/bench', () => {
    const options = parseBenchOptions(full);
    expect(() => assertPublishable(options, 0.5)).not.toThrow();
    expect(options.readmePath).toMatch(/README\.md$/);
    expect(parseBenchOptions(['--full', '--publish', '/tmp/elsewhere']).readmePath).toBeUndefined();
  });

  it('is refused on a busy machine, for a selection of operations, or without the 1M catalogue', () => {
    expect(() => assertPublishable(parseBenchOptions(full), 1.6)).toThrow(/load average/);
    expect(() => assertPublishable(parseBenchOptions([...full, '--only', 'user']), 0.5)).toThrow(/--only/);
    expect(() => assertPublishable(parseBenchOptions(['--publish']), 0.5)).toThrow(/--full/);
  });
});
