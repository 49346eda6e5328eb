import type { BenchClients } from '../clients/bench-clients';
import type { BenchOperation, ImplementationId } from './bench-operation';
import { LatencyRecorder } from './latency-recorder';
import { processCpuMicros } from './process-cpu';
import { seededRandom } from './random';
import { turnOrder } from './turn-order';

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
  /** Node CPU per call in each round, in the order they ran: the spread of nodeUs. */
  roundNodeUs: number[];
}

/**
 * Calls one at a time on a pool of one connection, so that the backend's CPU counter is this
 * implementation's alone. Unlike throughput these figures barely move with the machine's load:
 * they say where the time goes, and on a 2-core machine where Node and PostgreSQL share the
 * cores, throughput is bounded by about cores / (node + server) and by 1 / node.
 *
 * The implementations take turns in `rounds` short slices, as in the throughput measurement, so
 * that a machine whose load drifts (other processes, CPU frequency) weighs on each alike.
 */
export async function measureCallCosts(
  operation: BenchOperation,
  implementations: readonly ImplementationId[],
  clients: BenchClients,
  seconds: number,
  seed: number,
  rounds: number,
): Promise<Map<ImplementationId, CallCost>> {
  const tallies = implementations.map((implementation) => {
    const run = operation.implementations.find((i) => i.id === implementation);
    if (!run) throw new Error(`${operation.id} has no ${implementation} implementation`);
    return {
      implementation,
      run,
      random: seededRandom(seed),
      nodeUs: 0,
      serverUs: 0 as number | null,
      wallUs: 0,
      calls: 0,
      latencies: new LatencyRecorder(),
      roundNodeUs: [] as number[],
    };
  });
  for (const tally of tallies) {
    // A few calls first (plans, caches), but never more than half a slice: a full-table scan of
    // plain Prisma on a million products takes seconds a call.
    const warmUntil = performance.now() + (seconds * 1000) / rounds / 2;
    for (let i = 0; i < 20 && (i === 0 || performance.now() < warmUntil); i++)
      await tally.run.run(tally.random);
  }
  const pids = new Map<ImplementationId, number>();
  for (const { implementation } of tallies)
    pids.set(implementation, await clients.backendPid(implementation));
  for (let round = 0; round < rounds; round++) {
    // In the throughput measurement's order of turns (turn-order.ts).
    for (const index of turnOrder(tallies.length, round)) {
      const tally = tallies[index]!;
      const pid = pids.get(tally.implementation) ?? 0;
      const serverBefore = processCpuMicros(pid);
      const nodeBefore = process.cpuUsage();
      const started = performance.now();
      const callsBefore = tally.calls;
      while (performance.now() - started < (seconds * 1000) / rounds) {
        const begun = performance.now();
        await tally.run.run(tally.random);
        tally.latencies.add(performance.now() - begun);
        tally.calls++;
      }
      tally.wallUs += (performance.now() - started) * 1000;
      const node = process.cpuUsage(nodeBefore);
      tally.nodeUs += node.user + node.system;
      tally.roundNodeUs.push((node.user + node.system) / Math.max(1, tally.calls - callsBefore));
      const serverAfter = processCpuMicros(pid);
      tally.serverUs =
        tally.serverUs === null || serverBefore === null || serverAfter === null
          ? null
          : tally.serverUs + serverAfter - serverBefore;
    }
  }
  return new Map(
    tallies.map(({ implementation, nodeUs, serverUs, wallUs, calls, latencies, roundNodeUs }) => {
      const { p50Ms, p99Ms } = latencies.summary();
      const per = Math.max(1, calls);
      return [
        implementation,
        {
          nodeUs: nodeUs / per,
          serverUs: serverUs === null ? null : serverUs / per,
          latencyUs: wallUs / per,
          p50Ms,
          p99Ms,
          calls,
          roundNodeUs,
        },
      ];
    }),
  );
}
