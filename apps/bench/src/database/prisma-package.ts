import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The @stratum/prisma package folder, found the way Node finds the package itself. */
export const prismaPackageDir = dirname(dirname(createRequire(import.meta.url).resolve('@stratum/prisma')));

export const bulkSeedEntry = join(prismaPackageDir, 'src', 'seed', 'bulk', 'main.ts');

/** Changes whenever a migration is added or edited, so a database built from older ones is never reused. */
export function migrationsFingerprint(): string {
  const dir = join(prismaPackageDir, 'migrations');
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (!entry.endsWith('.sql')) continue;
    hash.update(entry);
    hash.update(readFileSync(join(dir, entry)));
  }
  return hash.digest('hex').slice(0, 12);
}
