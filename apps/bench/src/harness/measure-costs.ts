import type { BenchClients } from '../clients/bench-clients';
import type { BenchOperation, ImplementationId } from './bench-operation';
import { LatencyRecorder } from './latency-recorder';
import { processCpuMicros } from './process-cpu';
import { seededRandom } from './random';

/** What one call costs when nothing else runs: CPU on each side of the wire, and its latency. */
export interface CallCost {
  /** CPU of this Node process per call (driver, Prisma, mapping, the domain), µs. */
  nodeUs: number;
  /** CPU of the PostgreSQL backend serving the call (parse, plan, execute, commit), µs; null if unreadable. */
  serverUs: number | null;
  /** Wall time of one call alone, µs: the mean, and the percentiles without any queueing. */
  latencyUs: number;
  p50Ms: number;
  p99Ms: number;
  calls: number;
}

/**
 * Calls one at a time on a pool of one connection, so that the backend's CPU counter is this
 * implementation's alone. Unlike throughput these figures barely move with the machine's load:
 * they say where the time goes, and on a 2-core machine where Node and PostgreSQL share the
 * cores, throughput is bounded by about cores / (node + server) and by 1 / node.
 */
export async function measureCallCost(
  operation: BenchOperation,
  implementation: ImplementationId,
  clients: BenchClients,
  seconds: number,
  seed: number,
): Promise<CallCost> {
  const run = operation.implementations.find((i) => i.id === implementation);
  if (!run) throw new Error(`${operation.id} has no ${implementation} implementation`);
  const random = seededRandom(seed);
  // A few calls first (plans, caches), but never more than half the budget: a full-table scan of
  // plain Prisma on a million products takes seconds a call.
  const warmUntil = performance.now() + (seconds * 1000) / 2;
  for (let i = 0; i < 20 && (i === 0 || performance.now() < warmUntil); i++) await run.run(random);
  const pid = await clients.backendPid(implementation);
  const serverBefore = processCpuMicros(pid);
  const nodeBefore = process.cpuUsage();
  const latencies = new LatencyRecorder();
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < seconds * 1000) {
    const begun = performance.now();
    await run.run(random);
    latencies.add(performance.now() - begun);
    calls++;
  }
  const wallUs = (performance.now() - started) * 1000;
  const node = process.cpuUsage(nodeBefore);
  const serverAfter = processCpuMicros(pid);
  const { p50Ms, p99Ms } = latencies.summary();
  return {
    nodeUs: (node.user + node.system) / calls,
    serverUs: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / calls,
    latencyUs: wallUs / calls,
    p50Ms,
    p99Ms,
    calls,
  };
}
