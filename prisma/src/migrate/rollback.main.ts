/**
 * `pnpm db:migrate:rollback [--yes]`: undoes the latest applied migration with its down.sql.
 * Without --yes it prints what the down would drop and exits 1 having changed nothing.
 * Exit codes: 0 rolled back, 1 refused or failed, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { migrationsDir } from '../paths';
import { assertMigrationsGoDirect, migrationDatabaseUrl, migrationLockTimeout } from './migration-connection';
import { rollbackLatestMigration, type RollbackPlan } from './rollback-latest-migration';
import { RollbackRefusedError } from './rollback.errors';

function describe(plan: RollbackPlan): string {
  const lines = plan.steps.map((step) => {
    switch (step.kind) {
      case 'table':
        return `  drops table ${step.table}${step.rows === undefined ? '' : ` (${step.rows} ${step.rows === 1 ? 'row' : 'rows'})`}`;
      case 'rows':
        return `  deletes rows from ${step.table}`;
      case 'object':
        return `  drops ${step.what}`;
      default:
        return `  runs ${step.what}`;
    }
  });
  return [`Rolling back ${plan.migration.name}; its down.sql:`, ...lines].join('\n');
}

async function main(): Promise<number> {
  let yes: boolean;
  try {
    yes = Boolean(parseArgs({ options: { yes: { type: 'boolean' } } }).values.yes);
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: db:migrate:rollback [--yes]`);
    return 2;
  }
  assertMigrationsGoDirect();
  const url = migrationDatabaseUrl();
  if (!url) throw new RollbackRefusedError('NO_DATABASE_URL', 'Set MIGRATION_DATABASE_URL or DATABASE_URL.');

  const { plan, rolledBack } = await rollbackLatestMigration({ url, migrationsDir, confirmed: yes });
  console.log(describe(plan));
  if (!rolledBack) {
    console.error('\nNothing was changed. Run again with --yes to roll back.');
    return 1;
  }
  console.log(
    `\nRolled back ${plan.migration.name} (lock_timeout ${migrationLockTimeout()}). ` +
      '`prisma migrate status` lists it as pending; the next `migrate deploy` applies it again.',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RollbackRefusedError) console.error(`Refused (${error.code}): ${error.message}`);
    else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      // A PostgreSQL error from the down script or a lock wait: the transaction rolled back whole.
      console.error(`Rollback failed, nothing was changed: ${error.message} (SQLSTATE ${error.code})`);
    } else console.error(`Rollback failed, nothing was changed: ${String(error)}`);
    process.exit(1);
  },
);
