import { listMigrations } from '@stratum/prisma';

// Set by the artifact's build (scripts/build-artifact.mjs): the migrations the build was made with.
declare const STRATUM_BUILT_MIGRATIONS: readonly string[] | undefined;

/**
 * The migrations this code expects applied: the list baked into the built artifact, which ships no
 * migrations folder; run from source, the folder of @stratum/prisma beside it.
 */
export function builtMigrations(): Promise<readonly string[]> {
  return typeof STRATUM_BUILT_MIGRATIONS === 'undefined'
    ? listMigrations()
    : Promise.resolve(STRATUM_BUILT_MIGRATIONS);
}
