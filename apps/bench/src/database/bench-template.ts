import { ensureTemplateDatabase } from '@stratum/postgres-toolkit';
import { migrateDeploy, migrationsFingerprint } from '@stratum/prisma/testing';
import { assertOwnedByBench } from './bench-guard';
import { writeMarker } from './bench-marker';

/**
 * The migrated, empty database every bench database is copied from: `prisma migrate deploy`
 * takes seconds, a copy a fraction of one, and there is one bench database per catalogue size.
 * It is marked as the bench's before it is migrated, so a half-built one left by a crash can be
 * told from someone else's database and dropped.
 */
export async function ensureBenchTemplate(server: string): Promise<{ name: string; schema: string }> {
  const schema = migrationsFingerprint();
  const name = await ensureTemplateDatabase({
    server,
    name: `stratum_bench_tpl_${schema}`,
    applicationName: 'stratum-bench-admin',
    vetExisting: async (admin, database) => void (await assertOwnedByBench(admin, database)),
    build: async ({ name: building, url, admin }) => {
      await writeMarker(admin, building, { schema, state: 'template' });
      await migrateDeploy(url);
    },
  });
  return { name, schema };
}
