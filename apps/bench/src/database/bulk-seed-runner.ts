import { spawn } from 'node:child_process';
import type { SeedSpec } from './bench-marker';
import { bulkSeedEntry, prismaPackageDir } from './prisma-package';

/**
 * Runs the bulk seeder of @stratum/prisma as its own process, exactly as
 * `pnpm --filter @stratum/prisma db:seed:bulk` would: its progress bar goes to our stderr.
 * `quiet` keeps its output back unless it fails.
 */
export function runBulkSeed(
  url: string,
  spec: SeedSpec,
  options: { jobs: number; quiet: boolean },
): Promise<void> {
  const args = [
    '--import',
    'tsx',
    bulkSeedEntry,
    ...Object.entries({
      users: spec.users,
      products: spec.products,
      orders: spec.orders,
      'orders-per-customer': spec.ordersPerCustomer,
      accounts: spec.accounts,
      transfers: spec.transfers,
      balance: spec.balance,
      jobs: options.jobs,
    }).flatMap(([name, value]) => [`--${name}`, String(value)]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: prismaPackageDir,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', options.quiet ? 'pipe' : 2, options.quiet ? 'pipe' : 2],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the bulk seed failed (exit ${code}):\n${output.slice(-2000)}`)),
    );
  });
}
