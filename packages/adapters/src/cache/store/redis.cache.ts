import type { Cluster, Redis } from 'ioredis';
import { CacheStats, type CacheOperation } from './cache-stats';
import {
  CacheUnavailableError,
  generationKey,
  newTicket,
  type Cache,
  type CacheHealth,
  type CacheLookup,
  type Invalidation,
  type Probe,
} from './cache.port';
import { CircuitBreaker } from './circuit-breaker';
import { PendingInvalidations } from './pending-invalidations';
import { defineCacheScripts, type CacheScripts } from './redis-scripts';

export interface RedisCacheOptions {
  /** Longest wait for any one command; past it the request goes to the database. */
  readonly commandTimeoutMs: number;
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly maxPendingInvalidations: number;
  readonly healthTimeoutMs: number;
}

export const REDIS_CACHE_DEFAULTS: RedisCacheOptions = {
  commandTimeoutMs: 100,
  failureThreshold: 3,
  cooldownMs: 5_000,
  maxPendingInvalidations: 10_000,
  healthTimeoutMs: 250,
};

/** The Cache port on Redis or Redis Cluster; see cache.port.ts for the promises it keeps. */
export class RedisCache implements Cache {
  readonly backend = 'redis' as const;
  private readonly options: RedisCacheOptions;
  private readonly scripts: CacheScripts;
  private readonly breaker: CircuitBreaker;
  private readonly pending: PendingInvalidations;
  private replaying: Promise<void> | null = null;
  private replayTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly client: Redis | Cluster,
    options: Partial<RedisCacheOptions> = {},
    readonly stats: CacheStats = new CacheStats(),
  ) {
    this.options = { ...REDIS_CACHE_DEFAULTS, ...options };
    this.scripts = defineCacheScripts(client);
    this.breaker = new CircuitBreaker(this.options);
    this.pending = new PendingInvalidations(this.options.maxPendingInvalidations);
    // Connection errors surface as failed commands; without a listener ioredis would log each one.
    client.on('error', () => {});
  }

  async lookup(key: string, leaseMs: number): Promise<CacheLookup> {
    const [kind, payload, filledUnder] = await this.command('lookup', () =>
      this.scripts.lookup(key, newTicket(), leaseMs),
    );
    if (kind === 'hit') return { kind, value: payload, ticket: filledUnder ?? '' };
    return { kind: kind === 'miss' ? 'miss' : 'loading', ticket: payload };
  }

  async fill(key: string, ticket: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.command('fill', () => this.scripts.fill(key, ticket, value, ttlMs))) === 1;
  }

  generation(namespace: string): Promise<string> {
    return this.command('generation', () => this.scripts.generation(generationKey(namespace), newTicket()));
  }

  current(probes: readonly Probe[]): Promise<Array<string | null>> {
    if (probes.length === 0) return Promise.resolve([]);
    return this.command('validate', () => this.read(probes));
  }

  async invalidate(invalidation: Invalidation): Promise<void> {
    if (invalidation.keys.length === 0 && invalidation.namespaces.length === 0) return;
    try {
      await this.command('invalidate', () => this.apply(invalidation));
    } catch {
      this.stats.increment('invalidationsDeferred');
      this.stats.increment('invalidationsDropped', this.pending.add(invalidation));
      this.scheduleReplay();
    }
  }

  async health(): Promise<CacheHealth> {
    const started = performance.now();
    const base = {
      backend: this.backend,
      breaker: this.breaker.state,
      pendingInvalidations: this.pending.size,
    };
    try {
      await withTimeout(this.client.ping(), this.options.healthTimeoutMs, 'redis ping');
      return { ...base, status: 'up', latencyMs: elapsedSince(started) };
    } catch (error) {
      return { ...base, status: 'down', latencyMs: elapsedSince(started), error: messageOf(error) };
    } finally {
      this.stats.observe('ping', elapsedSince(started));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.replayTimer) clearTimeout(this.replayTimer);
    try {
      await withTimeout(this.client.quit(), this.options.healthTimeoutMs, 'redis quit');
    } catch {
      this.client.disconnect();
    }
  }

  /** Every command goes through the breaker, the timeout and, first, the replay of failed invalidations. */
  private async command<T>(operation: CacheOperation, run: () => Promise<T>): Promise<T> {
    if (!this.breaker.tryAcquire()) {
      this.stats.increment('skippedByBreaker');
      throw new CacheUnavailableError('redis skipped: circuit breaker open');
    }
    const started = performance.now();
    try {
      if (this.pending.size > 0) await this.replay();
      const result = await withTimeout(run(), this.options.commandTimeoutMs, `redis ${operation}`);
      this.breaker.success();
      return result;
    } catch (error) {
      this.breaker.failure();
      this.stats.increment('errors');
      if (error instanceof CacheUnavailableError) throw error;
      throw new CacheUnavailableError(`redis ${operation} failed: ${messageOf(error)}`, { cause: error });
    } finally {
      this.stats.observe(operation, elapsedSince(started));
    }
  }

  /**
   * Other processes may read what we failed to delete, so the replay does not wait for this
   * process's next request: it is retried every cooldown until it gets through.
   */
  private scheduleReplay(): void {
    if (this.replayTimer || this.closed) return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = null;
      void this.command('invalidate', async () => {})
        .catch(() => {})
        .finally(() => {
          if (this.pending.size > 0) this.scheduleReplay();
        });
    }, this.options.cooldownMs);
    this.replayTimer.unref();
  }

  private replay(): Promise<void> {
    this.replaying ??= (async () => {
      const { invalidation, applied } = this.pending.take();
      await withTimeout(this.apply(invalidation), this.options.commandTimeoutMs, 'redis replay');
      applied();
    })().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  /**
   * Several probes go as one pipeline on one server: one write and one read for the batch. A
   * Cluster pipeline must stay on one slot, so there each probe is a command of its own (sent to
   * its key's master). A single probe is a plain command: a pipeline object costs more than it saves.
   */
  private async read(probes: readonly Probe[]): Promise<Array<string | null>> {
    const [only] = probes;
    if (probes.length === 1 && only) return [await this.probe(only)];
    if (this.client.isCluster) return Promise.all(probes.map((probe) => this.probe(probe)));
    const replies = await this.client
      .pipeline(
        probes.map((probe) =>
          'key' in probe ? ['hget', probe.key, 't'] : ['get', generationKey(probe.namespace)],
        ),
      )
      .exec();
    return probes.map((_, index) => {
      const [error, value] = replies?.[index] ?? [new Error('no reply')];
      if (error) throw error;
      return typeof value === 'string' ? value : null;
    });
  }

  private probe(probe: Probe): Promise<string | null> {
    return 'key' in probe
      ? this.client.hget(probe.key, 't')
      : this.client.get(generationKey(probe.namespace));
  }

  /** One command per key, never a multi-key DEL, so keys may live on different cluster slots. */
  private async apply(invalidation: Invalidation): Promise<void> {
    await Promise.all([
      ...invalidation.keys.map((key) => this.client.del(key)),
      ...invalidation.namespaces.map((namespace) => this.client.set(generationKey(namespace), newTicket())),
    ]);
    this.stats.increment('invalidations', invalidation.keys.length + invalidation.namespaces.length);
  }
}

function elapsedSince(started: number): number {
  return performance.now() - started;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rejects with CacheUnavailableError once `ms` have passed; the late result is ignored. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CacheUnavailableError(`${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
