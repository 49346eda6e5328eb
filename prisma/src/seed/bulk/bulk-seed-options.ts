import { cpus } from 'node:os';
import type { BulkSeedRun, BulkSeedSpec } from './bulk-seed';

export interface BulkSeedOptions {
  spec: BulkSeedSpec;
  run: BulkSeedRun;
  /** Seed a database whose name says neither "bench" nor "test". */
  allowAnyDatabase: boolean;
  help: boolean;
}

/** What `db:seed:bulk` seeds when no count is given: the data set of the benchmarks. */
export const DEFAULT_SPEC: BulkSeedSpec = {
  users: 100_000,
  products: 10_000,
  orders: 100_000,
  ordersPerCustomer: 50,
  accounts: 10_000,
  transfers: 100_000,
  balance: '1000000000.00',
};

/** Rows per generated INSERT: big enough to amortise the round trip, small enough to interleave jobs. */
export const DEFAULT_BATCH_SIZE = 5_000;

const COUNTS = ['users', 'products', 'orders', 'accounts', 'transfers'] as const;

export const USAGE = `usage: db:seed:bulk [--users N] [--products N] [--orders N] [--accounts N] [--transfers N]
                    [--orders-per-customer N] [--balance D] [--jobs N] [--batch-size N]
                    [--allow-any-database]
Seeds DATABASE_URL with generated rows, numbered and idempotent: seeding twice adds nothing.
With no count at all it seeds ${COUNTS.map((c) => `${DEFAULT_SPEC[c]} ${c}`).join(', ')};
with some, the others are 0. Refuses a database whose name contains neither "bench" nor "test".`;

export function parseBulkSeedOptions(argv: readonly string[]): BulkSeedOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h' || arg === '--allow-any-database') {
      flags.add(arg.replace(/^-+/, ''));
      continue;
    }
    const [name, inline] = arg.split('=', 2);
    if (!name?.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    values.set(name.slice(2), value);
  }
  const known = new Set([...COUNTS, 'orders-per-customer', 'balance', 'jobs', 'batch-size']);
  for (const name of values.keys())
    if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);

  const anyCount = COUNTS.some((count) => values.has(count));
  const count = (name: (typeof COUNTS)[number]) =>
    values.has(name) ? whole(values, name, 0) : anyCount ? 0 : DEFAULT_SPEC[name];
  const balance = values.get('balance') ?? DEFAULT_SPEC.balance;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(balance)) throw new Error('--balance must be a decimal like 1000.00');
  return {
    spec: {
      users: count('users'),
      products: count('products'),
      orders: count('orders'),
      accounts: count('accounts'),
      transfers: count('transfers'),
      ordersPerCustomer: values.has('orders-per-customer')
        ? whole(values, 'orders-per-customer', 1)
        : DEFAULT_SPEC.ordersPerCustomer,
      balance,
    },
    run: {
      jobs: values.has('jobs') ? whole(values, 'jobs', 1) : Math.min(4, cpus().length),
      batchSize: values.has('batch-size') ? whole(values, 'batch-size', 1) : DEFAULT_BATCH_SIZE,
    },
    allowAnyDatabase: flags.has('allow-any-database'),
    help: flags.has('help') || flags.has('h'),
  };
}

function whole(values: Map<string, string>, name: string, min: number): number {
  const raw = values.get(name) ?? '';
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}
