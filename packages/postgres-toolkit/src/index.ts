export {
  DatabaseNameRefusedError,
  assertDatabaseNameSays,
  databaseNameOf,
  guardedServerUrl,
} from './database-name-guard';
export { directoryFingerprint } from './directory-fingerprint';
export { databaseExists, databaseUrl, withAdminClient } from './admin-client';
export { ensureTemplateDatabase, type BuildTarget, type TemplateDatabaseOptions } from './template-database';
export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
export { freePort } from './free-port';
export { findPostgresBinaries, type BinariesLookup, type PostgresBinaries } from './postgres-binaries.mjs';
export { serverUser, type ServerUser } from './server-user.mjs';
export { ensureGroupRole, ensureLoginRole } from './login-role.mjs';
export {
  findPgBouncer,
  pgBouncerMissingReason,
  startPgBouncer,
  type PgBouncer,
  type PgBouncerOptions,
} from './pgbouncer';
