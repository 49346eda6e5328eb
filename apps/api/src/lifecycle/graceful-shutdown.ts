import type { FastifyInstance } from 'fastify';

export interface ShutdownPlan {
  app: FastifyInstance;
  /** Closed in order once the server has drained: the pool, then Redis and anything else. */
  resources: ReadonlyArray<{ name: string; close(): Promise<void> }>;
  /** In-flight requests get this long; after it connections are cut and resources closed anyway. */
  graceMs: number;
  /** Each resource gets this long to close (a pool waits for its busy connections) before we move on. */
  closeTimeoutMs?: number;
}

/**
 * Returns the one shutdown of this process: stop accepting connections, let in-flight requests
 * finish (Fastify answers 503 to new requests on kept-alive connections meanwhile), then close
 * the pool, so no request ever loses its database half-way. Safe to call again: a second signal
 * (Ctrl-C reaches us from the terminal and from the launcher) waits for the first.
 */
export function gracefulShutdown(plan: ShutdownPlan): (reason: string) => Promise<{ drained: boolean }> {
  let running: Promise<{ drained: boolean }> | undefined;
  return (reason) => (running ??= shutdown(plan, reason));
}

async function shutdown(plan: ShutdownPlan, reason: string): Promise<{ drained: boolean }> {
  const { app, resources, graceMs, closeTimeoutMs = 5_000 } = plan;
  app.log.info({ reason }, 'shutting down: draining requests');
  const drained = await within(
    graceMs,
    app.close().then(() => true),
  );
  if (!drained) {
    app.log.error({ graceMs }, 'requests still running after the grace period; closing connections');
    app.server.closeAllConnections();
  }
  for (const resource of resources) {
    try {
      const closed = await within(
        closeTimeoutMs,
        resource.close().then(() => true),
      );
      if (!closed)
        app.log.error({ resource: resource.name, closeTimeoutMs }, 'a resource did not close in time');
    } catch (error) {
      app.log.error({ err: error, resource: resource.name }, 'closing a resource failed');
    }
  }
  app.log.info({ drained }, 'shut down');
  return { drained };
}

/** The work's result, or false once `ms` have passed. */
async function within(ms: number, work: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
