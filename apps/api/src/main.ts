import { createDatabase } from '@stratum/prisma';
import { DatabaseHealthProbe } from './health/database-health-probe';
import { buildServer } from './server';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const database = createDatabase();
const app = buildServer({ health: new DatabaseHealthProbe(database.pool) }, { logger: true });

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  // Ctrl-C reaches us twice (from the terminal and forwarded by the launcher): drain once.
  if (shuttingDown) return;
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down: draining requests');
  // close() stops accepting connections and waits for in-flight requests before the pool goes.
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port, host });
