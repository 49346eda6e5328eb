// `pnpm --filter @stratum/prisma db:seed:bulk -- --products 1000000`: large generated data sets,
// for benchmarks and for trying queries at a realistic size. See USAGE in bulk-seed-options.ts.
import { readDatabaseConfig } from '../../database-config';
import { loadEnvFile } from '../../env-file.mjs';
import { bulkSeed } from './bulk-seed';
import { USAGE, parseBulkSeedOptions } from './bulk-seed-options';

loadEnvFile();
try {
  const options = parseBulkSeedOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
  } else {
    const { url } = readDatabaseConfig();
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    // A million made-up rows in the wrong database would be a bad afternoon.
    if (!/bench|test/i.test(database) && !options.allowAnyDatabase) {
      throw new Error(
        `refusing to seed "${database}": its name contains neither "bench" nor "test" (pass --allow-any-database to insist)`,
      );
    }
    const started = performance.now();
    await bulkSeed(url, options.spec, options.run);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[seed:bulk] ${database}: ${JSON.stringify(options.spec)} in ${seconds}s`);
  }
} catch (error) {
  console.error(`[seed:bulk] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
