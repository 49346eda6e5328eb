import { runPrisma } from '@stratum/prisma/testing';
import { assertOwnedByBench } from './bench-guard';
import { writeMarker } from './bench-marker';
import { migrationsFingerprint } from './prisma-package';
import { databaseUrl, withAdminClient } from './server';

/**
 * The migrated, empty database every bench database is copied from: `prisma migrate deploy`
 * takes seconds, a copy a fraction of one, and there is one bench database per catalogue size.
 * Built under another name and renamed, behind an advisory lock, so a concurrent run never
 * copies a half-migrated template.
 */
export async function ensureBenchTemplate(server: string): Promise<{ name: string; schema: string }> {
  const schema = migrationsFingerprint();
  const name = `stratum_bench_tpl_${schema}`;
  await withAdminClient(server, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await assertOwnedByBench(admin, name)) return;
      const building = `${name}_building`;
      if (await assertOwnedByBench(admin, building)) {
        await admin.query(`DROP DATABASE ${admin.escapeIdentifier(building)} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(building)}`);
      await writeMarker(admin, building, { schema, state: 'template' });
      await runPrisma(['migrate', 'deploy'], { DATABASE_URL: databaseUrl(server, building) });
      await admin.query(
        `ALTER DATABASE ${admin.escapeIdentifier(building)} RENAME TO ${admin.escapeIdentifier(name)}`,
      );
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return { name, schema };
}
