// JSON-RPC 2.0 over stdio, one JSON object per line, as the Prisma CLI speaks
// it to the schema engine (packages/migrate/src/SchemaEngineCLI.ts).
// Traffic goes both ways: the CLI sends requests, and the engine sends `print`
// requests back, which the CLI acknowledges with an empty result.
import readline from 'node:readline';

/**
 * @param {{ input: NodeJS.ReadableStream, output: NodeJS.WritableStream,
 *           handle: (method: string, params: unknown, peer: { request: (method: string, params: unknown) => Promise<unknown> }) => Promise<unknown> }} options
 * @returns {{ closed: Promise<void>, failInFlight: (error: unknown) => void }} `closed` resolves once
 *   input has ended and every request has been answered; `failInFlight` answers every
 *   unanswered request with `error`, for when the process has to die.
 */
export function serveJsonRpc({ input, output, handle }) {
  const pending = new Map();
  const inFlight = new Set();
  const unanswered = new Set();
  let nextId = 1;

  const send = (message) => output.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);

  const peer = {
    request(method, params) {
      const id = `engine-${nextId++}`;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ id, method, params });
      });
    },
  };

  async function answer({ id, method, params }) {
    unanswered.add(id);
    let response;
    try {
      // The CLI treats a missing `result` as a malformed response.
      response = { id, result: (await handle(method, params, peer)) ?? null };
    } catch (error) {
      response = { id, error: toJsonRpcError(error) };
    }
    if (id !== undefined && unanswered.delete(id)) send(response);
  }

  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method !== undefined) {
      const task = answer(message);
      inFlight.add(task);
      task.finally(() => inFlight.delete(task));
    } else if (pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message));
      else resolve(message.result);
    }
  });

  const closed = new Promise((resolve) => {
    lines.on('close', async () => {
      // Nobody is left to acknowledge `print`s.
      for (const { resolve: ack } of pending.values()) ack(null);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      resolve();
    });
  });

  function failInFlight(error) {
    for (const id of unanswered) if (id !== undefined) send({ id, error: toJsonRpcError(error) });
    unanswered.clear();
  }

  return { closed, failInFlight };
}

/**
 * Same shape as the native engine's errors: the CLI shows `data.message`,
 * prefixed with `data.error_code` when present, and treats `data.is_panic` as a crash.
 */
function toJsonRpcError(error) {
  const data = error?.data ?? { is_panic: false, message: String(error?.stack ?? error) };
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}
