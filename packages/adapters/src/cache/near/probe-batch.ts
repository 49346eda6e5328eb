import type { Cache, Probe } from '../store/cache.port';

interface Pending {
  readonly probe: Probe;
  readonly answer: Promise<string | null>;
  resolve(value: string | null): void;
  reject(error: unknown): void;
}

/**
 * Sends the probes asked for in one tick as one `Cache.current` call, each distinct probe once,
 * so that N concurrent near-cache hits cost one round trip. A batch is sent once the tick's
 * synchronous work and microtasks are done, and a probe asked for after that goes into the next
 * batch: every answer is read after its caller asked, which is what makes it proof of freshness.
 */
export class ProbeBatch {
  private pending: Map<string, Pending> | null = null;

  constructor(private readonly cache: Cache) {}

  current(probe: Probe): Promise<string | null> {
    let batch = this.pending;
    if (!batch) {
      const opened = new Map<string, Pending>();
      batch = this.pending = opened;
      process.nextTick(() => this.send(opened));
    }
    const id = 'key' in probe ? `k${probe.key}` : `n${probe.namespace}`;
    let entry = batch.get(id);
    if (!entry) {
      entry = pending(probe);
      batch.set(id, entry);
    }
    return entry.answer;
  }

  private send(batch: Map<string, Pending>): void {
    if (this.pending === batch) this.pending = null;
    const entries = [...batch.values()];
    this.cache.current(entries.map((entry) => entry.probe)).then(
      (values) => entries.forEach((entry, index) => entry.resolve(values[index] ?? null)),
      (error: unknown) => entries.forEach((entry) => entry.reject(error)),
    );
  }
}

function pending(probe: Probe): Pending {
  let resolve!: (value: string | null) => void;
  let reject!: (error: unknown) => void;
  const answer = new Promise<string | null>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { probe, answer, resolve, reject };
}
