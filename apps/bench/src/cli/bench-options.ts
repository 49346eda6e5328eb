import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** docs/bench at the repository root: the committed copy the README links to. */
export const DEFAULT_PUBLISH_DIR = join(benchDir, '..', '..', 'docs', 'bench');
/** The README whose benchmark section a publish to DEFAULT_PUBLISH_DIR rewrites. */
export const DEFAULT_README = join(benchDir, '..', '..', 'README.md');

/** Everything a run can be told; `--help` prints USAGE. */
export interface BenchOptions {
  /** Concurrent workers per measurement, and the pool size of every implementation. */
  workers: number;
  pool: number;
  durationS: number;
  warmupS: number;
  /** Slices each measurement is split into, taking turns with the other implementations (turn-order.ts). */
  rounds: number;
  /** Seconds of single calls per implementation to measure CPU per call; 0 skips it. */
  costSeconds: number;
  users: number;
  orders: number;
  accounts: number;
  /** Catalogue sizes for product search; the first is also the catalogue of the other operations. */
  productSizes: number[];
  /** Database name of the main bench database; others are named after it. Must contain "bench". */
  database: string;
  /** Server to create the bench databases on: any database URL of that server (DATABASE_URL by default). */
  serverUrl: string | undefined;
  /** Run only operations whose id contains one of these. */
  only: string[];
  /** Implementations beyond the three of every operation (the raw interactive transaction). */
  extras: boolean;
  pgbench: boolean;
  outDir: string;
  /** Also write latest.md, latest.svg and latest.json here (the committed copy the README shows). */
  publishDir: string | undefined;
  /** The README whose section between the bench markers a publish rewrites (publishing to docs/bench only). */
  readmePath: string | undefined;
  seed: number;
  help: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  workers: 8,
  pool: 8,
  durationS: 4,
  warmupS: 1,
  rounds: 4,
  costSeconds: 1,
  users: 100_000,
  orders: 100_000,
  accounts: 10_000,
  productSizes: [10_000, 100_000],
  database: 'stratum_bench',
  serverUrl: undefined,
  only: [],
  extras: true,
  pgbench: true,
  outDir: join(benchDir, 'results'),
  publishDir: undefined,
  readmePath: undefined,
  seed: 7,
  help: false,
};

const FULL_PRODUCT_SIZES = [10_000, 100_000, 1_000_000];

export const USAGE = `usage: pnpm --filter @stratum/bench bench -- [options]
  --workers N          concurrent workers per measurement [${DEFAULT_OPTIONS.workers}]
  --pool N             connections in every implementation's pool [= workers]
  --duration S         measured seconds per operation and implementation [${DEFAULT_OPTIONS.durationS}]
  --warmup S           unmeasured seconds before each measurement [${DEFAULT_OPTIONS.warmupS}]
  --rounds N           slices of each measurement, taking turns with the other implementations [${DEFAULT_OPTIONS.rounds}]
  --cost-seconds S     single calls per implementation to measure CPU per call, 0 to skip [${DEFAULT_OPTIONS.costSeconds}]
  --users N --orders N --accounts N        data set [${DEFAULT_OPTIONS.users}, ${DEFAULT_OPTIONS.orders}, ${DEFAULT_OPTIONS.accounts}]
  --products N[,N...]  catalogue sizes for product search [${DEFAULT_OPTIONS.productSizes.join(',')}]
  --full               products ${FULL_PRODUCT_SIZES.join(',')} (the 1M catalogue takes a few minutes to seed once)
  --only a,b           only operations whose id contains a or b
  --no-extras          only the three main implementations
  --no-pgbench         skip PostgreSQL's own pgbench figure
  --database NAME      bench database name, must contain "bench" [${DEFAULT_OPTIONS.database}]
  --server URL         PostgreSQL server to use [DATABASE_URL's server, else the local one of npm start]
  --out DIR            where latest.json, .svg and .md go [apps/bench/results, git-ignored]
  --publish [DIR]      also write them to DIR [docs/bench], the copy the README shows; to docs/bench it
                       also rewrites the README's table. Needs a quiet machine (load ≤ 1.5), --full, no --only
  --seed N             seed of the input generators, so that runs are comparable [${DEFAULT_OPTIONS.seed}]`;

export function parseBenchOptions(
  argv: readonly string[],
  base: BenchOptions = DEFAULT_OPTIONS,
): BenchOptions {
  const options: BenchOptions = { ...base, productSizes: [...base.productSizes], only: [...base.only] };
  let poolGiven = false;
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag = '', inline] = arg.split('=', 2);
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--workers':
        options.workers = whole(flag, value(), 1);
        break;
      case '--pool':
        options.pool = whole(flag, value(), 1);
        poolGiven = true;
        break;
      case '--duration':
        options.durationS = seconds(flag, value());
        break;
      case '--warmup':
        options.warmupS = seconds(flag, value(), 0);
        break;
      case '--rounds':
        options.rounds = whole(flag, value(), 1);
        break;
      case '--cost-seconds':
        options.costSeconds = seconds(flag, value(), 0);
        break;
      case '--users':
        options.users = whole(flag, value(), 1);
        break;
      case '--orders':
        options.orders = whole(flag, value(), 1);
        break;
      case '--accounts':
        options.accounts = whole(flag, value(), 2);
        break;
      case '--products':
        options.productSizes = value()
          .split(',')
          .map((size) => whole(flag, size, 5));
        break;
      case '--full':
        options.productSizes = [...FULL_PRODUCT_SIZES];
        break;
      case '--only':
        options.only = value().split(',').filter(Boolean);
        break;
      case '--no-extras':
        options.extras = false;
        break;
      case '--no-pgbench':
        options.pgbench = false;
        break;
      case '--database':
        options.database = value();
        break;
      case '--server':
        options.serverUrl = value();
        break;
      case '--out':
        options.outDir = value();
        break;
      case '--publish':
        options.publishDir =
          inline ?? (args[i + 1]?.startsWith('--') === false ? args[++i] : DEFAULT_PUBLISH_DIR);
        options.readmePath = options.publishDir === DEFAULT_PUBLISH_DIR ? DEFAULT_README : undefined;
        break;
      case '--seed':
        options.seed = whole(flag, value(), 0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (!poolGiven) options.pool = options.workers;
  return options;
}

/** Jobs for pgbench and the seeder: more threads than cores only adds switching. */
export function cpuCount(): number {
  return Math.max(1, cpus().length);
}

function whole(flag: string, raw: string, min: number): number {
  const value = Number(raw.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${flag} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

function seconds(flag: string, raw: string, min = 0.05): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${flag} must be at least ${min} seconds`);
  return value;
}
