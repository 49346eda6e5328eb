// One operation's calls, one at a time on a pool of one, for `node --cpu-prof` (the `profile`
// script runs this and then summarize-profile.ts). Reads the databases the bench created and
// seeded, so run the bench once first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBenchClients } from '../clients/bench-clients';
import { resolveServerUrl } from '../cli/server-url';
import { databaseUrl } from '../database/server';
import { loadBenchFixtures, loadSearchQueries } from '../fixtures/bench-fixtures';
import { seededRandom } from '../harness/random';
import { mainOperations } from '../operations/operation-list';
import { productSearchOperation } from '../operations/products/product-search.operations';

export const USAGE = 'usage: profile <operation id> [stratum|raw|prisma|drizzle] [seconds] [database]';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const [operationId, implementation = 'stratum', seconds = '5', database = 'stratum_bench'] = args;
const profileDir = process.env.BENCH_PROFILE_DIR;
if (!operationId || !profileDir) throw new Error(USAGE);

// Product search beyond 10k reads its own catalogue database, as the bench does.
const thousands = Number(/^product-search-(\d+)k$/.exec(operationId)?.[1] ?? 0);
const name = thousands > 10 ? `${database}_products_${thousands * 1000}` : database;
const clients = await openBenchClients(databaseUrl(resolveServerUrl(undefined), name), 1);
try {
  const operations = thousands
    ? [productSearchOperation(clients, thousands * 1000, await loadSearchQueries(clients.raw, 7))]
    : mainOperations(clients, await loadBenchFixtures(clients.raw, 7));
  const run = operations
    .find((operation) => operation.id === operationId)
    ?.implementations.find((candidate) => candidate.id === implementation);
  if (!run) throw new Error(`no ${implementation} implementation of ${operationId}`);
  const random = seededRandom(7);
  for (let i = 0; i < 300; i++) await run.run(random);
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + Number(seconds) * 1000;
  let calls = 0;
  while (performance.now() < until) {
    await run.run(random);
    calls++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const nodeUs = Math.round((cpu.user + cpu.system) / calls);
  console.log(`${operationId} / ${implementation}: ${calls} calls, ${nodeUs} µs of Node CPU per call`);
  // The profile includes start-up and warm-up: the summary divides the calls' share by this.
  writeFileSync(
    join(profileDir, 'last-run.json'),
    JSON.stringify({ operationId, implementation, calls, nodeUs }),
  );
} finally {
  await clients.close();
}
