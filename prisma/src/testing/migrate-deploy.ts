import { directoryFingerprint } from '@stratum/postgres-toolkit';
import { migrationsDir } from '../paths';
import { runPrisma } from './run-prisma';

/** Changes whenever a migration is added or edited, so a database built from older ones is never reused. */
export function migrationsFingerprint(): string {
  return directoryFingerprint(migrationsDir);
}

/** Applies every migration to the database at `url`, as a release does. */
export async function migrateDeploy(url: string): Promise<void> {
  await runPrisma(['migrate', 'deploy'], { DATABASE_URL: url });
}
