import { checkDatabaseHealth, type StratumPool } from '@stratum/prisma';
import type { HealthProbe, HealthReport } from './health-probe';

export class DatabaseHealthProbe implements HealthProbe {
  constructor(private readonly pool: StratumPool) {}

  async check(): Promise<HealthReport> {
    const primary = await checkDatabaseHealth(this.pool);
    return {
      status: primary.ok ? 'ok' : 'down',
      checks: { primary: { ...primary } },
    };
  }
}
