import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A short hash of every file under `dir` whose name ends with `extension`, over their relative
 * paths and contents. Used to name a template database after the migrations it was built from,
 * so a template built from older migrations is never reused.
 */
export function directoryFingerprint(dir: string, extension = '.sql'): string {
  const hash = createHash('sha256');
  const entries = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((entry) => entry.endsWith(extension))
    // Same order and separators on every machine, whatever readdir returns.
    .map((entry) => entry.split('\\').join('/'))
    .sort();
  for (const entry of entries) {
    hash.update(entry);
    hash.update('\0');
    hash.update(readFileSync(join(dir, entry)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
