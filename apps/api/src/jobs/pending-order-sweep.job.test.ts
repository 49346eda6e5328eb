import { InMemoryExclusiveJobs, ProductMother, UserMother } from '@stratum/testing';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { inMemoryWorld } from '../../test/support/in-memory-world';
import type { Clock } from '../config/clock';
import { runExclusiveJobOnce } from './exclusive-job.schedule';
import { pendingOrderSweepJob, type PendingOrderSweepSettings } from './pending-order-sweep.job';

const TTL = 30 * 60_000;
const settings: PendingOrderSweepSettings = {
  intervalMs: 60_000,
  reservationTtlMs: TTL,
  batchSize: 2,
  maxBatchesPerRound: 10,
};
/** The orders are placed now (the fake stamps them with the real time); the sweep runs this much later. */
const after = (ms: number): Clock => ({ now: () => new Date(Date.now() + ms) });

function recordingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const info = (fields: Record<string, unknown>) => lines.push(fields);
  return { lines, log: { info, warn: info } as unknown as FastifyBaseLogger };
}

async function worldWithPendingOrders(count: number) {
  const world = inMemoryWorld();
  const buyer = UserMother.random();
  await world.repositories.users.save(buyer);
  const item = ProductMother.random({ stock: 100 });
  await world.repositories.products.save(item);
  for (let i = 0; i < count; i++) {
    await world.repositories.orders.placeOrder({
      customerId: buyer.id,
      lines: [{ productId: item.id, quantity: 3 }],
    });
  }
  const jobs = new InMemoryExclusiveJobs({ ...world.repositories, sessions: world.sessions });
  const stock = async () => (await world.repositories.products.findById(item.id))!.stock;
  const pending = () => world.repositories.orders.countPending(buyer.id);
  return { jobs, stock, pending };
}

describe('the pending-order sweep', () => {
  it('is the job the instances share by the name pending-order-sweep', () => {
    expect(pendingOrderSweepJob(settings)).toMatchObject({ name: 'pending-order-sweep', intervalMs: 60_000 });
  });

  it('expires the orders whose reservation ran out, batch by batch, gives their stock back and says how many', async () => {
    const { jobs, stock, pending } = await worldWithPendingOrders(5);
    const { lines, log } = recordingLog();

    await runExclusiveJobOnce(jobs, pendingOrderSweepJob(settings), after(TTL + 1_000), log);

    expect(lines).toEqual([
      { job: 'pending-order-sweep', outcome: 'ran', result: { expired: 5, batches: 3, backlog: false } },
    ]);
    expect(await stock()).toBe(100);
    expect(await pending()).toBe(0);
  });

  it('leaves orders whose reservation still runs', async () => {
    const { jobs, stock, pending } = await worldWithPendingOrders(2);
    const { lines, log } = recordingLog();

    await runExclusiveJobOnce(jobs, pendingOrderSweepJob(settings), after(TTL - 60_000), log);

    expect(lines).toEqual([
      { job: 'pending-order-sweep', outcome: 'ran', result: { expired: 0, batches: 1, backlog: false } },
    ]);
    expect(await stock()).toBe(94);
    expect(await pending()).toBe(2);
  });

  it('stops a round at its most batches and finishes in the next', async () => {
    const { jobs, stock } = await worldWithPendingOrders(5);
    const { lines, log } = recordingLog();
    const job = pendingOrderSweepJob({ ...settings, maxBatchesPerRound: 2 });

    await runExclusiveJobOnce(jobs, job, after(TTL + 1_000), log);
    expect(await stock()).toBe(97);
    await runExclusiveJobOnce(jobs, job, after(TTL + 1_000), log);

    expect(lines.map((line) => line['result'])).toEqual([
      { expired: 4, batches: 2, backlog: true },
      { expired: 1, batches: 1, backlog: false },
    ]);
    expect(await stock()).toBe(100);
  });

  it('skips its round while another instance runs it, expiring nothing', async () => {
    const { jobs, stock } = await worldWithPendingOrders(1);
    const { lines, log } = recordingLog();
    const release = jobs.hold('pending-order-sweep');

    await runExclusiveJobOnce(jobs, pendingOrderSweepJob(settings), after(TTL + 1_000), log);
    release();

    expect(lines).toEqual([{ job: 'pending-order-sweep', outcome: 'skipped' }]);
    expect(await stock()).toBe(97);
  });
});
