import { spawn } from 'node:child_process';
import { request, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from '@stratum/postgres-toolkit';
import { httpRequest, type HttpResult } from './http-client';

const API_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One line of the process's JSON log. */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface ApiProcess {
  readonly name: string;
  readonly port: number;
  /** Every log line so far, parsed; grows as the process runs. */
  readonly logs: readonly LogLine[];
  request(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<HttpResult & { headers: IncomingHttpHeaders; json: <T = Record<string, unknown>>() => T }>;
  /** SIGTERM, as an orchestrator does; SIGKILL if it has not exited 10 s later. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The API as production runs it, `node --import tsx src/main.ts` in a process of its own, on a
 * free port, with `env` over a clean environment (nothing of the test runner's leaks in but PATH).
 * Resolves once /health answers; a process that exits first rejects with its output.
 */
export async function startApiProcess(name: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should the test runner die without its afterAll, the API must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const logs: LogLine[] = [];
  let pending = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopping: Promise<void> | undefined;
  const api: ApiProcess = {
    name,
    port,
    logs,
    async request(method, path, options = {}) {
      const result = await requestWithHeaders(port, method, path, options);
      return { ...result, json: <T>() => JSON.parse(result.body) as T };
    },
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
      })()),
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`API ${name} exited with ${child.exitCode} before answering: ${stderr}`);
    }
    const health = await httpRequest(port, { method: 'GET', path: '/health' }).catch(() => null);
    if (health?.status === 200) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`API ${name} did not answer /health within 60 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** As httpRequest, keeping the response's headers (X-Stratum-Read-After, Retry-After). */
function requestWithHeaders(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown },
): Promise<HttpResult & { headers: IncomingHttpHeaders }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { ...options.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
