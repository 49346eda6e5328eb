// `pnpm --filter @stratum/bench profile -- <operation id> [implementation] [seconds] [database]`:
// one operation's calls, one at a time on a pool of one, under V8's sampling profiler (only the
// measured calls, not start-up or warm-up); prints where this process's CPU went per call, by
// package, and keeps the .cpuprofile in apps/bench/results/profiles for Chrome DevTools. Reads
// the databases the bench created and seeded, so run the bench once first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchClients } from '../clients/bench-clients';
import { resolveServerUrl } from '../cli/server-url';
import { databaseUrl } from '@stratum/postgres-toolkit';
import { loadBenchFixtures, loadSearchQueries } from '../fixtures/bench-fixtures';
import { seededRandom } from '../harness/random';
import { mainOperations } from '../operations/operation-list';
import { cachedProductOperations } from '../operations/products/cached-product.operations';
import { productSearchOperation } from '../operations/products/product-search.operations';
import { summarizeProfile, type CpuProfile } from './summarize-profile';

const USAGE = 'usage: profile <operation id> [stratum|raw|prisma|drizzle] [seconds] [database]';
const [operationId, implementation = 'stratum', seconds = '5', database = 'stratum_bench'] = process.argv
  .slice(2)
  .filter((arg) => arg !== '--');
if (!operationId) throw new Error(USAGE);

// Product search beyond 10k reads its own catalogue database, as the bench does.
const thousands = Number(/^product-search-(\d+)k$/.exec(operationId)?.[1] ?? 0);
const name = thousands > 10 ? `${database}_products_${thousands * 1000}` : database;
const clients = await openBenchClients(
  databaseUrl(resolveServerUrl(undefined), name),
  1,
  process.env.REDIS_URL,
);
const session = new Session();
try {
  const operations = thousands
    ? [productSearchOperation(clients, thousands * 1000, await loadSearchQueries(clients.raw, 7))]
    : await (async () => {
        const fixtures = await loadBenchFixtures(clients.raw, 7);
        const cached = cachedProductOperations(clients, fixtures, await loadSearchQueries(clients.raw, 7));
        return [...mainOperations(clients, fixtures), ...cached];
      })();
  const operation = operations.find((candidate) => candidate.id === operationId);
  const run = operation?.implementations.find((candidate) => candidate.id === implementation);
  if (!run) throw new Error(`no ${implementation} implementation of ${operationId}`);
  const random = seededRandom(7);
  await operation?.warm?.();
  for (let i = 0; i < 500; i++) await run.run(random);

  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  const cacheBefore = implementation === 'stratum' ? operation?.cacheReads?.() : undefined;
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + Number(seconds) * 1000;
  let calls = 0;
  while (performance.now() < until) {
    await run.run(random);
    calls++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };

  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${operationId}.${implementation}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const nodeUs = (cpu.user + cpu.system) / calls;
  console.log(
    `${operationId} / ${implementation}: ${calls} calls, ${Math.round(nodeUs)} µs of Node CPU per call`,
  );
  const cacheAfter = cacheBefore && operation?.cacheReads?.();
  if (cacheBefore && cacheAfter) {
    const hits = (cacheAfter.hits - cacheBefore.hits) / Math.max(1, cacheAfter.reads - cacheBefore.reads);
    console.log(`  cache hits: ${(100 * hits).toFixed(1)}% of the measured reads`);
  }
  console.log(`  by package, µs per call (share of the samples × CPU per call; ${file}):`);
  for (const [group, us] of summarizeProfile(profile, nodeUs)) {
    if (us >= 1) console.log(`  ${Math.round(us).toString().padStart(6)}  ${group}`);
  }
} finally {
  session.disconnect();
  await clients.close();
}
