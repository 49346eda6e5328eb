/**
 * `pnpm migrate:deploy`, what release jobs run: `prisma migrate deploy`, after marking for a retry
 * any migration that an earlier run gave up on because of lock_timeout (see retry-lock-timeouts),
 * one job at a time (see release-job-lock).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { migrationsDir, packageDir } from '../paths';
import { assertMigrationsGoDirect, migrationDatabaseUrl } from './migration-connection';
import { withReleaseJobLock } from './release-job-lock';
import { releaseLockTimeoutFailures } from './retry-lock-timeouts';

try {
  assertMigrationsGoDirect();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const url = migrationDatabaseUrl();
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

async function deploy(): Promise<number> {
  if (url) {
    for (const name of await releaseLockTimeoutFailures(url, migrationsDir)) {
      console.log(`${name} failed earlier on lock_timeout and applied nothing: applying it again.`);
    }
  }
  const result = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy', ...process.argv.slice(2)], {
    cwd: packageDir,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

process.exit(
  url
    ? await withReleaseJobLock(url, deploy, {
        onWait: () =>
          console.log('Another release job is migrating this database: waiting for it to finish.'),
      })
    : await deploy(),
);
