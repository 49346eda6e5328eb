import type { ExclusiveJob } from './exclusive-job.schedule';

export interface PendingOrderSweepSettings {
  readonly intervalMs: number;
  /** A PENDING order placed longer ago than this expires and gives its stock back. */
  readonly reservationTtlMs: number;
  /** Orders expired by one statement. */
  readonly batchSize: number;
  /** Batches a round runs at most; what is left waits for the next round. */
  readonly maxBatchesPerRound: number;
}

export interface PendingOrderSweepResult {
  /** Orders moved from PENDING to EXPIRED this round. */
  readonly expired: number;
  readonly batches: number;
  /** The round stopped at maxBatchesPerRound with more orders possibly due. */
  readonly backlog: boolean;
}

/**
 * Expires pending orders whose reservation ran out, so abandoned orders cannot hoard stock. Every
 * instance schedules it and one at a time runs it (see scheduleExclusiveJob). Its batches run in
 * the job's transaction, one statement each, and commit together: the products they give stock to
 * stay locked until the round ends, which is why a round is bounded (batchSize x maxBatchesPerRound).
 * Each batch locks its products in id order, but a later batch may need a product below one an
 * earlier batch holds, so an order placed meanwhile can close a deadlock with the round; PostgreSQL
 * breaks it, and either the order is retried (withTransientRetry) or the round rolls back and the
 * next one redoes it. maxBatchesPerRound 1 rules that out, at one batch a round.
 * Safe to repeat: an expired order is no longer pending, and a round cut short is finished by the next.
 */
export function pendingOrderSweepJob(
  settings: PendingOrderSweepSettings,
): ExclusiveJob<PendingOrderSweepResult> {
  return {
    name: 'pending-order-sweep',
    intervalMs: settings.intervalMs,
    async run({ orders }, now) {
      const cutoff = new Date(now.getTime() - settings.reservationTtlMs);
      let expired = 0;
      for (let batches = 1; batches <= settings.maxBatchesPerRound; batches++) {
        const batch = await orders.expirePendingPlacedBefore(cutoff, settings.batchSize);
        expired += batch.count;
        if (batch.count < settings.batchSize) return { expired, batches, backlog: false };
      }
      return { expired, batches: settings.maxBatchesPerRound, backlog: true };
    },
  };
}
