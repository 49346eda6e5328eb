#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, built on
// @prisma/schema-engine-wasm + @prisma/adapter-pg (PostgreSQL only), for
// machines that cannot download the native engine. Point the Prisma CLI at it
// with PRISMA_SCHEMA_ENGINE_BINARY (see resolve-engine.mjs).
//
// Same interface as the native binary:
//   schema-engine [--datamodels FILE]... [--datasource JSON]            JSON-RPC on stdin/stdout
//   schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database
//   schema-engine --version
// stdout carries only the protocol; logs go to stderr as JSON lines.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { runCliCommand } from './cli-commands.mjs';
import { serveJsonRpc } from './json-rpc.mjs';
import { lastPanicMessage, loadWasmRuntime, WasmSchemaEngine } from './wasm-engine.mjs';

// Exit codes the CLI interprets (SchemaEngineExitCode in @prisma/internals).
const EXIT_ERROR = 1;
const EXIT_PANIC = 101;

function log(entry) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), ...entry })}\n`);
}

/** The wasm engine already emits native-format JSON log lines. */
function forwardEngineLog(line) {
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

// A Rust panic inside a wasm callback traps outside any promise chain. Report it
// like the native engine (ERROR log line with is_panic, exit code 101) so the
// CLI shows the panic message instead of "Error in Schema engine".
// The same goes for errors wasm-bindgen throws from inside a Rust future (e.g.
// params that do not deserialize): the instance may be left inconsistent, so
// answer whatever is pending and exit.
let rpc;
process.on('uncaughtException', (error) => {
  const panic = lastPanicMessage();
  const message = panic ?? String(error?.message ?? error);
  rpc?.failInFlight({ data: { is_panic: Boolean(panic), message } });
  log({
    level: 'ERROR',
    fields: { is_panic: Boolean(panic), error_code: '', message, backtrace: String(error?.stack) },
    target: 'schema_engine::logger',
  });
  process.exit(panic ? EXIT_PANIC : EXIT_ERROR);
});

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      datamodels: { type: 'string', multiple: true },
      datasource: { type: 'string' },
      // Passed by the CLI; the wasm engine has no such options, so they are ignored.
      'enabled-preview-features': { type: 'string' },
      'extension-types': { type: 'string' },
      version: { type: 'boolean', short: 'V' },
    },
    allowPositionals: true,
  });

  if (values.version) {
    const runtime = await loadWasmRuntime();
    process.stdout.write(`schema-engine-cli ${runtime.version()}\n`);
    return 0;
  }

  const datasource = values.datasource ? JSON.parse(values.datasource) : undefined;

  if (positionals[0] === 'cli') return runCliCommand(positionals[1], datasource, log);
  if (positionals.length > 0) throw new Error(`Unexpected arguments: ${positionals.join(' ')}`);

  const datamodels = await Promise.all(
    (values.datamodels ?? []).map(async (file) => [file, await fs.readFile(path.resolve(file), 'utf8')]),
  );
  const engine = new WasmSchemaEngine({ datasource, datamodels, log: forwardEngineLog });

  // The CLI stops the engine by closing stdin and, right after, sending SIGTERM.
  const shutdown = async () => {
    await engine.close().catch(() => {});
    process.exit(engine.poisoned ? EXIT_PANIC : 0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  rpc = serveJsonRpc({
    input: process.stdin,
    output: process.stdout,
    handle: (method, params, peer) =>
      engine.call(method, params, { print: (content) => peer.request('print', { content }) }),
  });
  await rpc.closed;
  await engine.close();
  return engine.poisoned ? EXIT_PANIC : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log({
      level: 'ERROR',
      fields: { is_panic: false, error_code: '', message: String(error?.stack ?? error) },
      target: 'schema_engine::logger',
    });
    process.exit(EXIT_ERROR);
  },
);
