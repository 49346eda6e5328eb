/**
 * `pnpm migrate:deploy`, what release jobs run: `prisma migrate deploy`, after marking for a retry
 * any migration that an earlier run gave up on because of lock_timeout (see retry-lock-timeouts).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { migrationsDir, packageDir } from '../paths';
import { assertMigrationsGoDirect, migrationDatabaseUrl } from './migration-connection';
import { releaseLockTimeoutFailures } from './retry-lock-timeouts';

try {
  assertMigrationsGoDirect();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const url = migrationDatabaseUrl();
if (url) {
  for (const name of await releaseLockTimeoutFailures(url, migrationsDir)) {
    console.log(`${name} failed earlier on lock_timeout and applied nothing: applying it again.`);
  }
}
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy', ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
