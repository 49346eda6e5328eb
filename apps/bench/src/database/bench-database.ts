import { Writable } from 'node:stream';
import { databaseUrl, withAdminClient } from '@stratum/postgres-toolkit';
import { DEFAULT_BATCH_SIZE, bulkSeed } from '@stratum/prisma/seed';
import { assertOwnedByBench } from './bench-guard';
import { sameSpec, writeMarker, type BenchMarker, type SeedSpec } from './bench-marker';
import { ensureBenchTemplate } from './bench-template';

export interface BenchDatabase {
  name: string;
  url: string;
  marker: BenchMarker;
  reused: boolean;
}

export interface EnsureOptions {
  jobs: number;
  quiet: boolean;
  log: (line: string) => void;
}

/**
 * The bench database `name`, seeded with `spec`: reused when a previous run left one with the
 * same spec and migrations, otherwise (re)built from the template and seeded. Only databases the
 * bench marked as its own are ever dropped.
 */
export async function ensureBenchDatabase(
  server: string,
  name: string,
  spec: SeedSpec,
  options: EnsureOptions,
): Promise<BenchDatabase> {
  const url = databaseUrl(server, name);
  const existing = await withAdminClient(server, (admin) => assertOwnedByBench(admin, name));
  const template = await ensureBenchTemplate(server);
  if (existing?.state === 'ready' && existing.schema === template.schema && sameSpec(existing.spec, spec)) {
    return { name, url, marker: existing, reused: true };
  }
  options.log(
    existing
      ? `[bench] ${name}: built for other data or migrations; rebuilding`
      : `[bench] ${name}: creating from ${template.name}`,
  );
  await withAdminClient(server, async (admin) => {
    if (existing) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template.name)}`,
    );
    await writeMarker(admin, name, { schema: template.schema, state: 'seeding', spec });
  });
  options.log(`[bench] ${name}: seeding ${JSON.stringify(spec)}`);
  // PostgreSQL generates the rows; this process only sends the statements, so it seeds in-process.
  await bulkSeed(url, spec, {
    jobs: options.jobs,
    batchSize: DEFAULT_BATCH_SIZE,
    stderr: options.quiet ? discard() : process.stderr,
  });
  const marker: BenchMarker = {
    schema: template.schema,
    state: 'ready',
    spec,
    writesAfter: new Date().toISOString(),
  };
  await withAdminClient(server, (admin) => writeMarker(admin, name, marker));
  return { name, url, marker, reused: false };
}

/** Drops the bench databases whose names start with `prefix` (and only those marked as the bench's). */
export async function dropBenchDatabases(server: string, prefix: string): Promise<string[]> {
  return withAdminClient(server, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      if (!(await assertOwnedByBench(admin, datname).catch(() => null))) continue;
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
      dropped.push(datname);
    }
    return dropped;
  });
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
