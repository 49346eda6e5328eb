import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The prisma workspace package's folder, wherever the code that asks runs from. */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const migrationsDir = join(packageDir, 'migrations');
export const schemaPath = join(packageDir, 'schema.prisma');
