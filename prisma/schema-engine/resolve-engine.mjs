// Picks the schema engine for the Prisma CLI: the native binary when
// @prisma/engines has one (its postinstall could download it), else our wasm
// shim. Used from prisma.config.ts, which the CLI evaluates in-process before
// it looks for (or tries to download) the engine:
//
//   process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= resolveSchemaEngine()
//
// Kept free of import.meta.resolve: the config loader (jiti) transpiles this file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIM = fileURLToPath(new URL('./schema-engine.mjs', import.meta.url));

/** The folder @prisma/engines downloads into, seen from the `prisma` package this folder uses. */
function enginesDir() {
  try {
    // With pnpm, @prisma/engines is only visible from the prisma package itself.
    const fromPrisma = createRequire(createRequire(import.meta.url).resolve('prisma/package.json'));
    return path.dirname(path.dirname(fromPrisma.resolve('@prisma/engines')));
  } catch {
    return null;
  }
}

/**
 * Binary names are `schema-engine-<binaryTarget>[.exe]`, e.g. debian-openssl-3.0.x,
 * linux-arm64-openssl-3.0.x, darwin-arm64, windows. Several can be present when
 * PRISMA_CLI_BINARY_TARGETS was set; keep those for this OS and CPU.
 */
function nativeEngine(dir) {
  let names;
  try {
    names = fs
      .readdirSync(dir)
      .filter((name) => /^schema-engine-[\w.-]+?(\.exe)?$/.test(name) && !/\.(gz|sha256|tmp)$/.test(name));
  } catch {
    return null;
  }
  const family = { darwin: 'darwin', win32: 'windows' }[process.platform];
  const arm = process.arch === 'arm64';
  const matches = names.filter((name) => {
    const target = name.replace(/^schema-engine-/, '');
    const isArm = target.includes('arm64');
    if (family) return target.startsWith(family) && isArm === arm;
    return !target.startsWith('darwin') && !target.startsWith('windows') && isArm === arm;
  });
  // Prefer the OpenSSL 3 build, as current distributions ship it.
  matches.sort((a, b) => Number(b.includes('openssl-3')) - Number(a.includes('openssl-3')));
  return matches.length > 0 ? path.join(dir, matches[0]) : null;
}

/** @returns {string} absolute path of the schema engine executable to use */
export function resolveSchemaEngine() {
  const dir = enginesDir();
  return (dir && nativeEngine(dir)) ?? SHIM;
}
