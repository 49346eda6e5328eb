// The API process: builds the production graph from the environment, listens, and on SIGTERM or
// SIGINT drains in-flight requests before closing the replicas, the pool and the cache.
import { loadEnvFile } from '@stratum/prisma/env-file';
import { createApiRuntime } from './runtime/create-api-runtime';

loadEnvFile(); // the repository's .env; the environment wins
const runtime = createApiRuntime(process.env, {
  logger: true,
  processMetrics: true,
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  // Ctrl-C reaches us twice (from the terminal and forwarded by the launcher): drain once.
  if (stopping) return;
  stopping = true;
  const { drained } = await runtime.stop(signal);
  process.exit(drained ? 0 : 1);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await runtime.start();
await runtime.app.listen({ port: runtime.config.port, host: runtime.config.host });
