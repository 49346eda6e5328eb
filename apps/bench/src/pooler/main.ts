// `pnpm --filter @stratum/bench bench:pooler -- [--workers N] [--pool N] [--duration S] [--rounds N]`:
// user by id and transfer directly and through a PgBouncer of its own (transaction mode). Needs
// the pgbouncer binary (Debian: apt-get install pgbouncer). Writes results/pooler.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgBouncerMissingReason } from '@stratum/postgres-toolkit';
import { resolveServerUrl } from '../cli/server-url';
import { poolerTable, runPoolerBench, type PoolerBenchOptions } from './pooler-bench';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results');

function parse(argv: readonly string[]): PoolerBenchOptions {
  const options: PoolerBenchOptions = {
    database: 'stratum_bench_pooler',
    workers: 8,
    pool: 8,
    durationS: 12,
    rounds: 4,
    seed: 42,
    users: 10_000,
    accounts: 1_000,
  };
  const numeric = {
    '--workers': 'workers',
    '--pool': 'pool',
    '--duration': 'durationS',
    '--rounds': 'rounds',
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as keyof typeof numeric;
    const value = Number(argv[++i]);
    if (!(flag in numeric) || !(value > 0))
      throw new Error(`usage: bench:pooler [--workers N] [--pool N] [--duration S] [--rounds N]`);
    options[numeric[flag]] = value;
  }
  return options;
}

try {
  const missing = pgBouncerMissingReason();
  if (missing) throw new Error(missing);
  const options = parse(process.argv.slice(2).filter((arg) => arg !== '--'));
  const figures = await runPoolerBench(resolveServerUrl(undefined), options, (line) => console.error(line));
  const table = poolerTable(figures, options);
  console.log(`\n${table}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'pooler.md'), `${table}\n`);
} catch (error) {
  console.error(`[bench:pooler] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
