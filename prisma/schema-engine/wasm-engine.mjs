/* global WebAssembly */
// Loads @prisma/schema-engine-wasm and exposes it with the JSON-RPC method
// names and error shapes of the native schema engine.
import fs from 'node:fs/promises';

import { createDatabase } from './cli-commands.mjs';
import { introspectSql } from './introspect-sql.mjs';
import { PgAdapterFactory } from './pg-adapter.mjs';

const WASM_GLUE = '@prisma/schema-engine-wasm/schema_engine_bg';

let panicMessage = null;
// The wasm panic hook reports here right before the instance traps with "unreachable".
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

/** The message of the last Rust panic, if any. */
export const lastPanicMessage = () => panicMessage;

let runtimePromise;
/** The package is built for bundlers (`import * as wasm from "./x.wasm"`), so we instantiate it by hand, once. */
export function loadWasmRuntime() {
  runtimePromise ??= (async () => {
    const runtime = await import(WASM_GLUE);
    const bytes = await fs.readFile(new URL('schema_engine_bg.wasm', import.meta.resolve(WASM_GLUE)));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      './schema_engine_bg.js': runtime,
    });
    runtime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

export class RpcError extends Error {
  constructor(data) {
    super(data.message);
    this.data = data;
  }
}

export class WasmSchemaEngine {
  #datasource;
  #datamodels;
  #log;
  #factory;
  #engine;
  // wasm-bindgen methods take `&mut self`: overlapping calls would fail with
  // "recursive use of an object", so requests run one at a time.
  #queue = Promise.resolve();

  /**
   * @param {{ datasource?: { url?: string, shadowDatabaseUrl?: string }, datamodels: [string, string][], log: (line: string) => void }} options
   */
  constructor({ datasource, datamodels, log }) {
    this.#datasource = datasource ?? {};
    this.#datamodels = datamodels;
    this.#log = log;
  }

  /** Runs one JSON-RPC method; resolves with its result or rejects with an RpcError. */
  call(method, params, { print }) {
    const run = this.#queue.then(() => this.#call(method, params, print));
    this.#queue = run.catch(() => {});
    return run;
  }

  async #call(method, params, print) {
    // Handled without the wasm engine: it cannot create databases, and needs none to answer these.
    if (method === 'createDatabase') {
      return createDatabase(this.#url(params?.datasource)).catch((error) => {
        throw new RpcError({
          is_panic: false,
          error_code: error.errorCode || undefined,
          message: error.message,
        });
      });
    }

    // TypedSQL: the wasm engine cannot describe a query (see introspect-sql.mjs), so we do.
    if (method === 'introspectSql') {
      return introspectSql(
        { url: params?.url || this.#url(), queries: params?.queries ?? [] },
        { datamodels: this.#datamodels },
      ).catch((error) => {
        throw new RpcError({ is_panic: false, message: String(error?.message ?? error) });
      });
    }

    if (this.poisoned)
      throw new RpcError({ is_panic: true, message: 'The schema engine panicked on an earlier request.' });
    const engine = await this.#getEngine();
    this.#factory.lastDbError = null;
    try {
      switch (method) {
        case 'getDatabaseVersion':
          return await engine.version(params ?? undefined); // an Option<_> on the Rust side
        case 'debugPanic':
          return engine.debugPanic();
        case 'diff': {
          // The native engine prints through a `print` request to the CLI, the wasm one returns the text.
          const { stdout, exitCode } = await engine.diff(params);
          if (stdout) await print(stdout);
          return { exitCode, stdout: null };
        }
        default:
          if (
            !Object.hasOwn(Object.getPrototypeOf(engine), method) ||
            ['constructor', 'free'].includes(method)
          ) {
            throw new RpcError({ is_panic: false, message: `Unknown schema engine method: ${method}` });
          }
          return await engine[method](params ?? {});
      }
    } catch (error) {
      throw this.#toRpcError(error, method);
    }
  }

  async #getEngine() {
    if (!this.#engine) {
      const runtime = await loadWasmRuntime();
      this.#factory = new PgAdapterFactory({
        url: this.#url(),
        shadowDatabaseUrl: this.#datasource.shadowDatabaseUrl,
      });
      try {
        this.#engine = await runtime.SchemaEngine.new(
          { datamodels: this.#datamodels.length > 0 ? this.#datamodels : undefined },
          (line) => this.#log(line),
          this.#factory.bind(),
        );
      } catch (error) {
        await this.#factory.close();
        this.#factory = null;
        throw this.#toRpcError(error, 'connect');
      }
    }
    return this.#engine;
  }

  #url(datasourceParam) {
    const url = datasourceParam?.tag === 'ConnectionString' ? datasourceParam.url : this.#datasource.url;
    if (!url) {
      throw new RpcError({
        is_panic: false,
        message: 'No database URL: the schema engine shim needs `datasource.url` in prisma.config.ts.',
      });
    }
    return url;
  }

  /** Maps a wasm/adapter error to the `error.data` shape the Prisma CLI reads. */
  #toRpcError(error, method) {
    if (error instanceof RpcError) return error;
    if (error instanceof WebAssembly.RuntimeError || panicMessage) {
      const message = panicMessage ?? String(error?.message ?? error);
      this.poisoned = true;
      return new RpcError({ is_panic: true, message, error: { message } });
    }

    // Engine errors carry user-facing codes (P3009, P1001, ...) except for raw
    // connector failures, whose message is a Rust span trace.
    const raw = String(error?.message ?? error);
    const [summary] = raw.split(/\n\s+0: /);
    const migrationName = /migration_name="([^"]+)"/.exec(raw)?.[1];
    const dbError = this.#factory?.lastDbError;
    if (!error?.code && dbError && migrationName) {
      return new RpcError({
        is_panic: false,
        error_code: 'P3018',
        message: [
          'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve',
          `Migration name: ${migrationName}`,
          `Database error code: ${dbError.code}`,
          `Database error:\n${formatDbError(dbError)}`,
        ].join('\n\n'),
        meta: {
          migration_name: migrationName,
          database_error_code: dbError.code,
          database_error: dbError.message,
        },
      });
    }
    let details = '';
    if (dbError && summary.includes(dbError.message)) details = `\n\nDatabase error code: ${dbError.code}`;
    else if (dbError)
      details = `\n\nDatabase error code: ${dbError.code}\n\nDatabase error:\n${formatDbError(dbError)}`;
    return new RpcError({
      is_panic: false,
      ...(error?.code ? { error_code: error.code } : {}),
      message: `${summary.trim()}${details}`,
      meta: error?.meta ?? null,
      method,
    });
  }

  /** Frees the engine and ends its pools; safe to call more than once (stdin end and SIGTERM race). */
  close() {
    this.closing ??= (async () => {
      try {
        if (!this.poisoned) this.#engine?.free();
      } finally {
        await this.#factory?.close();
      }
    })();
    return this.closing;
  }
}

function formatDbError({ message, detail, hint, position }) {
  return [
    `ERROR: ${message}`,
    detail && `DETAIL: ${detail}`,
    hint && `HINT: ${hint}`,
    position && `POSITION: ${position}`,
  ]
    .filter(Boolean)
    .join('\n');
}
