import { readMigrationState, type StratumPool } from '@stratum/prisma';
import type { CheckResult, DependencyCheck } from './health-probe';

/**
 * The schema holds every migration this build was made with, and none has failed. Critical: code
 * running against a schema it does not expect fails in ways no retry fixes, so until the release
 * job has migrated (or after a rollback) the instance stays out of rotation.
 */
export class MigrationsCheck implements DependencyCheck {
  readonly name = 'migrations';
  readonly critical = true;

  constructor(
    private readonly db: Pick<StratumPool, 'query'>,
    private readonly expected: () => Promise<readonly string[]>,
  ) {}

  async check(): Promise<CheckResult> {
    const state = await readMigrationState(this.db, await this.expected());
    return {
      ok: state.pending.length === 0 && state.failed.length === 0,
      pending: state.pending,
      failed: state.failed,
      // A newer release migrated already: its migrations are meant to be compatible (expand first).
      newer: state.unknown,
    };
  }
}
