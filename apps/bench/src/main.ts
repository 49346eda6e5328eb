// `pnpm --filter @stratum/bench bench -- [options]`: every hot path against raw pg and plain
// Prisma in one run. See USAGE in cli/bench-options.ts and the README's Benchmarks section.
import { runBench } from './bench-run';
import { USAGE, parseBenchOptions } from './cli/bench-options';
import { resolveServerUrl } from './cli/server-url';

try {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
  } else {
    const run = await runBench(options, resolveServerUrl(options.serverUrl), {
      log: (line) => console.error(line),
      print: (text) => console.log(text),
      redisUrl: process.env.REDIS_URL,
    });
    console.error(`[bench] wrote ${run.files.json} and ${run.files.svg}`);
    if (run.published) console.error(`[bench] published ${run.published.markdown}, ${run.published.svg}`);
  }
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
