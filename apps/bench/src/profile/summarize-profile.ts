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

export function summarizeProfile(profile: CpuProfile, calls: number): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const sampleUs = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
  const totals = new Map<string, number>();
  for (const id of profile.samples) {
    const node = byId.get(id);
    if (!node) continue;
    const group = groupOf(node);
    if (group === null) continue;
    totals.set(group, (totals.get(group) ?? 0) + sampleUs);
  }
  return [...totals.entries()]
    .map(([group, us]): [string, number] => [group, us / calls])
    .sort((a, b) => b[1] - a[1]);
}

function groupOf({ callFrame: { functionName, url } }: ProfileNode): string | null {
  if (functionName === '(idle)' || functionName === '(root)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 (compiling, runtime)';
  return PACKAGES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
}
