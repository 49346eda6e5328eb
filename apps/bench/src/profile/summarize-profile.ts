// Where a CPU profile's time went, by package, in µs per call: each sample is charged to the
// function on top of the stack (self time), and each function to the package its file belongs to.
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

const PACKAGES: Array<[string, RegExp]> = [
  ['Prisma client runtime', /@prisma\/client|generated\/client|client-runtime-utils/],
  ['PrismaPg driver adapter', /@prisma\/(adapter-pg|driver-adapter-utils)/],
  ['pg driver (pg, pg-protocol, pg-types)', /node_modules\/\.pnpm\/pg[-@]|\/pg(-protocol|-types|-pool)?\//],
  ['drizzle-orm', /drizzle-orm/],
  ['Stratum adapters (SQL, mapping)', /packages\/adapters\//],
  ['Stratum domain (entities, value objects)', /packages\/domain\//],
  ['bench harness', /apps\/bench\//],
  ['other packages', /node_modules/],
  ['Node internals and native code (sockets, buffers, timers)', /^node:|^internal|^$/],
];

/**
 * Each package's share of the busy samples, applied to the measured CPU per call: the sampler's
 * own clock drifts on a loaded machine, process.cpuUsage() does not.
 */
export function summarizeProfile(profile: CpuProfile, cpuUsPerCall: number): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const node = byId.get(id);
    const group = node ? groupOf(node) : null;
    if (group === null) continue;
    totals.set(group, (totals.get(group) ?? 0) + 1);
    busy++;
  }
  return [...totals.entries()]
    .map(([group, samples]): [string, number] => [group, (samples / Math.max(1, busy)) * cpuUsPerCall])
    .sort((a, b) => b[1] - a[1]);
}

function groupOf({ callFrame: { functionName, url } }: ProfileNode): string | null {
  if (functionName === '(idle)' || functionName === '(root)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 (compiling, runtime)';
  return PACKAGES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}
