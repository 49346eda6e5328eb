import pg from 'pg';
import { accountsSeeder } from './accounts.seeder';
import { runBatches } from './batch-runner';
import { ordersSeeder } from './orders.seeder';
import { productsSeeder } from './products.seeder';
import { progressBar, type ProgressStream } from './progress-bar';
import type { TableSeeder } from './table-seeder';
import { transfersSeeder } from './transfers.seeder';
import { usersSeeder } from './users.seeder';

export interface BulkSeedSpec {
  users: number;
  products: number;
  orders: number;
  /** About how many orders each ordering customer has; the first orders / this users place them. */
  ordersPerCustomer: number;
  accounts: number;
  /** Transfers of the history between the accounts. */
  transfers: number;
  /** Opening balance of every account, a decimal string. */
  balance: string;
}

export interface BulkSeedRun {
  /** Parallel connections; PostgreSQL does the generating, so about one per core. */
  jobs: number;
  batchSize: number;
  /** Where the progress bars go; process.stderr by default. */
  stderr?: ProgressStream;
}

export function seedersFor(spec: BulkSeedSpec): TableSeeder[] {
  const seeders: TableSeeder[] = [];
  if (spec.users > 0) seeders.push(usersSeeder(spec.users));
  if (spec.products > 0) seeders.push(productsSeeder(spec.products));
  if (spec.orders > 0) {
    if (spec.users === 0 || spec.products === 0) throw new Error('orders need --users and --products');
    const customers = Math.min(spec.users, Math.max(1, Math.ceil(spec.orders / spec.ordersPerCustomer)));
    seeders.push(ordersSeeder({ orders: spec.orders, customers, products: spec.products }));
  }
  if (spec.accounts > 0) {
    if (spec.users === 0) throw new Error('accounts need --users');
    seeders.push(accountsSeeder(spec.accounts, spec.users, spec.balance));
  }
  if (spec.transfers > 0) {
    if (spec.accounts < 2) throw new Error('transfers need --accounts 2 or more');
    seeders.push(transfersSeeder(spec.transfers, spec.accounts));
  }
  return seeders;
}

/** Seeds every table of the spec, in dependency order, then refreshes statistics and visibility maps. */
export async function bulkSeed(url: string, spec: BulkSeedSpec, run: BulkSeedRun): Promise<void> {
  const seeders = seedersFor(spec);
  const clients = await Promise.all(Array.from({ length: Math.max(1, run.jobs) }, () => connect(url)));
  try {
    for (const seeder of seeders) {
      await runBatches(clients, seeder, run.batchSize, progressBar(seeder.table, seeder.rows, run.stderr));
    }
    // Fresh statistics, so the first queries are planned on the real sizes; the visibility map,
    // so index-only scans need not visit the heap.
    const [first] = clients;
    for (const table of new Set(seeders.map((s) => s.table).concat(spec.orders > 0 ? ['order_items'] : []))) {
      await first?.query(`VACUUM (ANALYZE) ${first.escapeIdentifier(table)}`);
    }
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'stratum-bulk-seed' });
  await client.connect();
  // Seed rows can be regenerated at will: not waiting for each commit to reach the disk is safe here.
  await client.query('SET synchronous_commit = off');
  // The generated statements' cost estimates are large enough to trigger JIT, which then spends
  // more time compiling each batch than running it.
  await client.query('SET jit = off');
  return client;
}
