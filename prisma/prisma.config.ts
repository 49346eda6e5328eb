import { defineConfig } from 'prisma/config';
import { resolveSchemaEngine } from './schema-engine/resolve-engine.mjs';
import { loadEnvFile } from './src/env-file.mjs';
import { migrationDatabaseUrl } from './src/migrate/migration-connection';

// The repository's .env, under whatever the environment already sets.
loadEnvFile();

// Without a native schema engine (it is downloaded at install time, which air-gapped machines
// cannot do) the CLI runs our wasm-based stand-in. Set here, the CLI sees it before it would try
// the download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= resolveSchemaEngine();

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations', seed: 'tsx src/seed/main.ts' },
  datasource: {
    // MIGRATION_DATABASE_URL (else DATABASE_URL), with MIGRATION_LOCK_TIMEOUT as lock_timeout.
    url: migrationDatabaseUrl(),
    // Optional: without it, `migrate dev` and the drift check create a throwaway shadow database.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
