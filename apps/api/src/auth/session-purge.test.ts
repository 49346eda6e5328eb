import { Session } from '@stratum/domain';
import { InMemoryExclusiveJobs, UserMother } from '@stratum/testing';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { fixedClock, inMemoryWorld } from '../../test/support/in-memory-world';
import { SESSION_PURGE_JOB, purgeEndedSessions } from './session-purge';

const HOUR = 60 * 60_000;

function recordingLog() {
  const lines: Array<{ level: string; fields: unknown; message: string }> = [];
  const at = (level: string) => (fields: unknown, message: string) => lines.push({ level, fields, message });
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
  const jobs = new InMemoryExclusiveJobs({ ...world.repositories, sessions: world.sessions });
  return { world, user, jobs };
}

describe('the session purge', () => {
  it('deletes the sessions that ended, and says how many', async () => {
    const { jobs } = await worldWithEndedSession();
    const { lines, log } = recordingLog();
    await purgeEndedSessions(jobs, fixedClock, log);
    expect(lines).toEqual([
      { level: 'info', fields: { job: SESSION_PURGE_JOB, deleted: 1 }, message: 'ended sessions purged' },
    ]);
    await purgeEndedSessions(jobs, fixedClock, log);
    expect(lines[1]?.fields).toEqual({ job: SESSION_PURGE_JOB, deleted: 0 });
  });

  it('skips its round while another instance runs the purge, deleting nothing', async () => {
    const { jobs } = await worldWithEndedSession();
    const { lines, log } = recordingLog();
    const release = jobs.hold(SESSION_PURGE_JOB);
    await purgeEndedSessions(jobs, fixedClock, log);
    expect(lines.map((line) => line.message)).toEqual([
      'session purge skipped: another instance is running it',
    ]);
    release();
    await purgeEndedSessions(jobs, fixedClock, log);
    expect(lines[1]?.fields).toEqual({ job: SESSION_PURGE_JOB, deleted: 1 });
  });

  it('logs a failed run as a warning instead of throwing', async () => {
    const { lines, log } = recordingLog();
    const failing = { runAlone: () => Promise.reject(new Error('database gone')) };
    await expect(purgeEndedSessions(failing, fixedClock, log)).resolves.toBeUndefined();
    expect(lines.map((line) => `${line.level}: ${line.message}`)).toEqual([
      'warn: purging ended sessions failed',
    ]);
  });
});
