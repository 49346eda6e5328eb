import { Session } from '@stratum/domain';
import { InMemoryExclusiveJobs, UserMother } from '@stratum/testing';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { fixedClock, inMemoryWorld } from '../../test/support/in-memory-world';
import { sessionPurgeJob } from '../auth/session-purge';
import { runExclusiveJobOnce } from './exclusive-job.schedule';

const HOUR = 60 * 60_000;
const purge = sessionPurgeJob(HOUR);

function recordingLog() {
  const lines: Array<{ level: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>) => lines.push({ level, fields });
  return { lines, log: { info: at('info'), warn: at('warn') } as unknown as FastifyBaseLogger };
}

async function worldWithEndedSession() {
  const world = inMemoryWorld();
  const user = UserMother.random();
  await world.repositories.users.save(user);
  const long = new Date(fixedClock.now().getTime() - 2 * HOUR);
  await world.sessions.create(
    Session.start({ userId: user.id, tokenHash: 'a'.repeat(64), now: long, ttlMs: HOUR }),
  );
  return new InMemoryExclusiveJobs({ ...world.repositories, sessions: world.sessions });
}

describe('a job that one instance at a time runs', () => {
  it('runs the session purge, which deletes the sessions that ended and says how many', async () => {
    const jobs = await worldWithEndedSession();
    const { lines, log } = recordingLog();
    await runExclusiveJobOnce(jobs, purge, fixedClock, log);
    await runExclusiveJobOnce(jobs, purge, fixedClock, log);
    expect(lines).toEqual([
      { level: 'info', fields: { job: 'session-purge', outcome: 'ran', result: 1 } },
      { level: 'info', fields: { job: 'session-purge', outcome: 'ran', result: 0 } },
    ]);
  });

  it('skips its round while another instance runs it, doing nothing', async () => {
    const jobs = await worldWithEndedSession();
    const { lines, log } = recordingLog();
    const release = jobs.hold('session-purge');
    await runExclusiveJobOnce(jobs, purge, fixedClock, log);
    release();
    await runExclusiveJobOnce(jobs, purge, fixedClock, log);
    expect(lines.map((line) => line.fields)).toEqual([
      { job: 'session-purge', outcome: 'skipped' },
      { job: 'session-purge', outcome: 'ran', result: 1 },
    ]);
  });

  it('logs a failed round as a warning instead of throwing', async () => {
    const { lines, log } = recordingLog();
    const failing = { runAlone: () => Promise.reject(new Error('database gone')) };
    await expect(runExclusiveJobOnce(failing, purge, fixedClock, log)).resolves.toBeUndefined();
    expect(lines).toMatchObject([{ level: 'warn', fields: { job: 'session-purge', outcome: 'failed' } }]);
  });
});
