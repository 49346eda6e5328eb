// Where the newest .cpuprofile in BENCH_PROFILE_DIR spent this process's CPU, by package, in µs
// per measured call. Samples are attributed to the function on top of the stack (self time), and
// each function to the package its file belongs to.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface CpuProfile {
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
  ['Node internals (net, streams, timers)', /^node:|^internal|^$/],
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

if (process.argv[1]?.endsWith('summarize-profile.ts')) {
  const dir = process.env.BENCH_PROFILE_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: summarize-profile <profile dir>');
  const run = JSON.parse(readFileSync(join(dir, 'last-run.json'), 'utf8')) as {
    operationId: string;
    implementation: string;
    calls: number;
    nodeUs: number;
  };
  const newest = readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => join(dir, file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  console.log(
    `${run.operationId} / ${run.implementation}: µs per call by package (whole process, warm-up included)`,
  );
  for (const [group, us] of summarizeProfile(profile, run.calls)) {
    if (us >= 1) console.log(`  ${Math.round(us).toString().padStart(6)}  ${group}`);
  }
}
