#!/usr/bin/env node
// `pnpm --filter @stratum/api build`: the API as plain JavaScript that `node dist/main.js` runs,
// with no tsx and no workspace package needed at run time.
//
// Bundled in: our workspace packages (@stratum/*), TypeScript source with no build of their own, with
// the Prisma client generated into prisma/generated; and Prisma's runtime (@prisma/*), of which the
// client needs one file and PostgreSQL's query compiler (4.5 MB of its 70), and whose package would
// bring the Prisma CLI, Studio and TypeScript along as its optional peer (300 MB deployed).
// Every other package stays an import, resolved from node_modules at run time: native
// (@node-rs/argon2), or reading files of its own (the documentation page's assets). Each must be a
// dependency of this package, or `pnpm deploy --prod` would leave it out: the build fails when one
// is not.
import { build } from 'esbuild';
import { readFile, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(appDir, 'dist');
const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8'));
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);

// '@prisma/client/runtime/client' belongs to '@prisma/client'; 'pg' to 'pg'.
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const missing = new Map();
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:') || builtins.has(path)) return { path, external: true };
      const name = packageOf(path);
      if (name.startsWith('@stratum/') || name.startsWith('@prisma/')) return undefined; // bundled
      if (!dependencies.has(name)) {
        // What Prisma's runtime imports comes with it (postgres-array), unless we depend on it too (pg).
        if (/[/\\]node_modules[/\\]@prisma[/\\]/.test(importer)) return undefined;
        missing.set(name, importer);
      }
      return { path, external: true };
    });
  },
};

// The migrations this build expects, baked in: /health/ready compares them with _prisma_migrations,
// so an instance whose schema is behind (or ahead of a rollback) never takes traffic.
const migrationsDir = join(appDir, 'node_modules/@stratum/prisma/migrations');
const migrations = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

await rm(outDir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: join(appDir, 'src/main.ts') },
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  // Stack traces name our files and functions; the bundle is not shipped to browsers.
  minify: false,
  // The query compiler is imported on first use: its own chunk, loaded then.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [externalPackages],
  // CommonJS code in the bundle (parts of Prisma's runtime) calls require() for Node's modules,
  // which an ES module has to make for itself.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  define: { STRATUM_BUILT_MIGRATIONS: JSON.stringify(migrations) },
  metafile: true,
  logLevel: 'warning',
});

if (missing.size > 0) {
  const list = [...missing].map(([name, importer]) => `  ${name} (imported by ${importer})`).join('\n');
  console.error(`Not dependencies of @stratum/api, so a deployed artifact would lack them:\n${list}`);
  process.exit(1);
}

// A source map of 4.5 MB of base64 maps nothing anyone will read.
for (const output of Object.keys(result.metafile.outputs).filter((path) => path.includes('wasm-base64'))) {
  await rm(join(appDir, `${output}.map`), { force: true });
  delete result.metafile.outputs[`${output}.map`];
}

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `dist/main.js, its chunks and source maps (${Math.round(bytes / 1024)} kB), ${migrations.length} migrations`,
);
