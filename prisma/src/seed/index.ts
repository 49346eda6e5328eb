// The bulk seeder as a library, for tools that seed databases of their own (the bench): the
// `db:seed:bulk` command line is a thin wrapper around the same functions.
export { bulkSeed, seedersFor, type BulkSeedRun, type BulkSeedSpec } from './bulk/bulk-seed';
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_SPEC,
  USAGE,
  parseBulkSeedOptions,
  type BulkSeedOptions,
} from './bulk/bulk-seed-options';
