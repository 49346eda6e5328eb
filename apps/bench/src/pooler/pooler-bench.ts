// The pooler figure: user by id and transfer, on the Stratum repositories, directly (named
// statements, the default), directly with unnamed statements, and through a PgBouncer in
// transaction mode with DATABASE_POOLER=pgbouncer. The middle column splits the cost of going
// through PgBouncer into the statements it forbids and the extra hop it adds.
import { AccountId, Money, UserId } from '@stratum/domain';
import { createPrismaRepositories } from '@stratum/adapters';
import { startPgBouncer } from '@stratum/postgres-toolkit';
import { createDatabase, readDatabaseConfig, type Database } from '@stratum/prisma';
import pg from 'pg';
import { assertBenchName } from '../database/bench-guard';
import { ensureBenchDatabase } from '../database/bench-database';
import { resetBenchWrites } from '../database/reset-bench-writes';
import { MeasurementTally, runWorkers, type Measurement } from '../harness/run-workers';
import type { Random } from '../harness/random';

export const POOLER_ROUTES = ['direct', 'direct-unnamed', 'pgbouncer'] as const;
export type PoolerRoute = (typeof POOLER_ROUTES)[number];

export const POOLER_ROUTE_LABELS: Record<PoolerRoute, string> = {
  direct: 'direct (named statements)',
  'direct-unnamed': 'direct, unnamed statements',
  pgbouncer: 'through PgBouncer',
};

export interface PoolerBenchOptions {
  database: string;
  workers: number;
  pool: number;
  durationS: number;
  rounds: number;
  seed: number;
  users: number;
  accounts: number;
}

export interface PoolerFigure {
  operation: string;
  results: Record<PoolerRoute, Measurement>;
}

export async function runPoolerBench(
  server: string,
  options: PoolerBenchOptions,
  log: (line: string) => void,
): Promise<PoolerFigure[]> {
  assertBenchName(options.database);
  const database = await ensureBenchDatabase(
    server,
    options.database,
    {
      users: options.users,
      products: 100,
      orders: 0,
      ordersPerCustomer: 1,
      accounts: options.accounts,
      transfers: options.accounts * 10,
      balance: '1000000000.00',
    },
    { jobs: 2, quiet: true, log },
  );
  if (database.reused) await resetBenchWrites(database.url, database.marker);
  const { users, accounts } = await sample(database.url, options.seed);

  // The bouncer gets as many server connections as each pool has: the same concurrency reaches
  // PostgreSQL on every route.
  const bouncer = await startPgBouncer(server, { poolSize: options.pool });
  const opened: Record<PoolerRoute, Database> = {
    direct: open({ DATABASE_URL: database.url }, options.pool),
    'direct-unnamed': open(
      { DATABASE_URL: database.url, DATABASE_PREPARED_STATEMENTS: 'false' },
      options.pool,
    ),
    pgbouncer: open(
      { DATABASE_URL: bouncer.urlFor(database.url), DATABASE_POOLER: 'pgbouncer' },
      options.pool,
    ),
  };
  try {
    let transfers = 0;
    const stamp = Date.now().toString(36);
    const operations: Array<{ title: string; call: (db: Database) => (random: Random) => Promise<unknown> }> =
      [
        {
          title: 'user by id',
          call: (db) => {
            const repositories = createPrismaRepositories(db.prisma);
            return (random) => repositories.users.findById(UserId.of(random.pick(users)));
          },
        },
        {
          title: 'transfer funds',
          call: (db) => {
            const repositories = createPrismaRepositories(db.prisma);
            return (random) => {
              const from = random.pick(accounts);
              let to = random.pick(accounts);
              while (to === from) to = random.pick(accounts);
              return repositories.accounts.transfer({
                from: AccountId.of(from),
                to: AccountId.of(to),
                amount: Money.of(`${1 + random.below(9)}.00`, 'USD'),
                idempotencyKey: `bench:pooler:${stamp}:${++transfers}`,
              });
            };
          },
        },
      ];

    const figures: PoolerFigure[] = [];
    for (const operation of operations) {
      const tallies = Object.fromEntries(
        POOLER_ROUTES.map((route) => [route, new MeasurementTally()]),
      ) as Record<PoolerRoute, MeasurementTally>;
      const calls = Object.fromEntries(
        POOLER_ROUTES.map((route) => [route, operation.call(opened[route])]),
      ) as Record<PoolerRoute, (random: Random) => Promise<unknown>>;
      // Warm every pool (connections open, statements planned), then measure in rotated slices.
      for (const route of POOLER_ROUTES) {
        await runWorkers(calls[route], { workers: options.workers, durationS: 0.3, seed: options.seed });
      }
      for (let round = 0; round < options.rounds; round++) {
        for (const route of rotate(POOLER_ROUTES, round)) {
          await runWorkers(
            calls[route],
            {
              workers: options.workers,
              durationS: options.durationS / options.rounds,
              seed: options.seed + round,
            },
            tallies[route],
          );
        }
      }
      const results = Object.fromEntries(
        POOLER_ROUTES.map((route) => [route, tallies[route].summary()]),
      ) as Record<PoolerRoute, Measurement>;
      for (const route of POOLER_ROUTES) {
        log(
          `[bench:pooler] ${operation.title}, ${POOLER_ROUTE_LABELS[route]}: ${Math.round(results[route].opsPerSec)} ops/s`,
        );
      }
      figures.push({ operation: operation.title, results });
    }
    return figures;
  } finally {
    await Promise.all(POOLER_ROUTES.map((route) => opened[route].close()));
    await bouncer.stop();
  }
}

function open(env: Record<string, string>, pool: number): Database {
  return createDatabase({
    config: { ...readDatabaseConfig(env), poolMax: pool, applicationName: 'stratum-bench-pooler' },
  });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length] as T);
}

async function sample(url: string, seed: number): Promise<{ users: string[]; accounts: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const order = `ORDER BY md5(id::text || $1) LIMIT 2000`;
    const users = await client.query<{ id: string }>(
      `SELECT id FROM users WHERE deleted_at IS NULL ${order}`,
      [seed],
    );
    const accounts = await client.query<{ id: string }>(
      `SELECT id FROM accounts WHERE currency = 'USD' ${order}`,
      [seed],
    );
    return { users: users.rows.map((row) => row.id), accounts: accounts.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

/** The figure as a Markdown table: ops/s and p99 per route, and each route's ratio to direct. */
export function poolerTable(figures: readonly PoolerFigure[], options: PoolerBenchOptions): string {
  const header = `| operation | ${POOLER_ROUTES.map((route) => POOLER_ROUTE_LABELS[route]).join(' | ')} |`;
  const rule = `| :-- | ${POOLER_ROUTES.map(() => '--:').join(' | ')} |`;
  const rows = figures.map((figure) => {
    const direct = figure.results.direct.opsPerSec;
    const cells = POOLER_ROUTES.map((route) => {
      const result = figure.results[route];
      const ratio = route === 'direct' ? '' : ` (${(result.opsPerSec / direct).toFixed(2)}×)`;
      const errors = result.errors > 0 ? `, ${result.errors} errors: ${result.firstError}` : '';
      return `${Math.round(result.opsPerSec).toLocaleString('en-US')}${ratio}, p99 ${result.p99Ms.toFixed(1)} ms${errors}`;
    });
    return `| ${figure.operation} | ${cells.join(' | ')} |`;
  });
  return [
    `${options.workers} workers, a pool of ${options.pool} per route (and ${options.pool} server connections in PgBouncer's pool), ${options.durationS} s per route; ops/s, ratio to direct`,
    '',
    header,
    rule,
    ...rows,
  ].join('\n');
}
