import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from './database-config';
import { createDatabase, type Database } from './prisma-client';
import { checkSessionTimeouts } from './session-timeouts';
import { createRoutedTestDatabase, pgBouncerSkipReason, type PooledTestDatabase } from './testing';

const skip = pgBouncerSkipReason();

describe.skipIf(skip)(
  `the client behind PgBouncer in transaction mode${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let routed: PooledTestDatabase;
    const opened: Database[] = [];
    const open = (config: Database['config']) => {
      const database = createDatabase({ config, onPoolError: () => undefined });
      opened.push(database);
      return database;
    };

    beforeAll(async () => {
      routed = await createRoutedTestDatabase('pgbouncer');
    });
    afterAll(async () => {
      await Promise.all(opened.map((database) => database.close()));
      await routed?.drop();
    });

    it('is refused at connect with the direct settings, which send statement_timeout as a startup parameter', async () => {
      const direct = open(readDatabaseConfig({ DATABASE_URL: routed.pooledUrl }));
      await expect(direct.prisma.user.count()).rejects.toThrow(
        /unsupported startup parameter: statement_timeout/,
      );
    });

    it('runs concurrent queries on a pool of unnamed statements, which any server connection can take', async () => {
      const pooled = open({ ...routed.config, poolMax: 4 });
      // More distinct statements than connections, in parallel and again: with named statements a
      // transaction landing on another server connection would find "prepared statement does not exist".
      const rounds = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0
            ? pooled.prisma.user.count({ where: { name: `n${i}` } })
            : pooled.prisma.product
                .findMany({ where: { stock: { gt: i } }, take: 1 })
                .then((rows) => rows.length),
        ),
      );
      expect(rounds).toEqual(Array.from({ length: 40 }, () => 0));
      const prepared = await pooled.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_prepared_statements`;
      expect(prepared).toEqual([{ n: 0n }]);
    });

    it('keeps the application name and takes the timeouts from the defaults behind the bouncer', async () => {
      const pooled = open({ ...routed.config, applicationName: 'stratum-pooled' });
      const [row] = await pooled.prisma.$queryRaw<Array<{ app: string; timeout: string; idle: string }>>`
      SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout,
             current_setting('idle_in_transaction_session_timeout') AS idle`;
      expect(row).toEqual({ app: 'stratum-pooled', timeout: '15s', idle: '30s' });
      expect(await checkSessionTimeouts(pooled.pool, pooled.config)).toEqual([]);
    });

    it('names each timeout the defaults do not match, so start-up can say what ops must set', async () => {
      const pooled = open({ ...routed.config, statementTimeoutMs: 7_000 });
      expect(await checkSessionTimeouts(pooled.pool, pooled.config)).toEqual([
        { setting: 'statement_timeout', expectedMs: 7_000, actualMs: 15_000 },
      ]);
    });
  },
);
