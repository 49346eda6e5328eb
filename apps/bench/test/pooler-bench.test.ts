import { randomBytes } from 'node:crypto';
import { pgBouncerSkipReason, testServerUrl } from '@stratum/prisma/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dropBenchDatabases } from '../src/database/bench-database';
import {
  POOLER_ROUTES,
  poolerTable,
  runPoolerBench,
  type PoolerBenchOptions,
} from '../src/pooler/pooler-bench';

// The pooler figure's machinery on a tiny data set: every route answers, without errors, and the
// table names them all. The figures mean nothing here; the real run is `bench:pooler`.
const skip = pgBouncerSkipReason();
const server = testServerUrl().toString();
const prefix = `stratum_bench_test_${randomBytes(4).toString('hex')}`;

describe.skipIf(skip)(`the pooler bench${skip ? ` (skipped: ${skip})` : ''}`, () => {
  afterAll(async () => {
    await dropBenchDatabases(server, prefix);
  });

  it('measures user by id and transfer directly and through PgBouncer, without errors', async () => {
    const options: PoolerBenchOptions = {
      database: `${prefix}_pooler`,
      workers: 4,
      pool: 4,
      durationS: 0.3,
      rounds: 1,
      seed: 7,
      users: 200,
      accounts: 20,
    };
    const figures = await runPoolerBench(server, options, () => undefined);

    expect(figures.map((figure) => figure.operation)).toEqual(['user by id', 'transfer funds']);
    for (const figure of figures) {
      for (const route of POOLER_ROUTES) {
        expect(
          figure.results[route].errors,
          `${figure.operation} ${route}: ${figure.results[route].firstError}`,
        ).toBe(0);
        expect(figure.results[route].ops).toBeGreaterThan(0);
      }
    }
    expect(poolerTable(figures, options)).toMatch(
      /\| transfer funds \| [\d,]+, p99 .* \| [\d,]+ \(\d\.\d\d×\)/,
    );
  });
});
