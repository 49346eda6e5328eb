import { Session } from '@stratum/domain';
import { describe, expect, it } from 'vitest';
import { callerWith, fixedClock, inMemoryWorld } from '../../../test/support/in-memory-world';
import { Principal } from '../shared/principal';
import { LogOutUseCase } from './log-out.use-case';

describe('LogOutUseCase', () => {
  it("ends the caller's session and leaves their other sessions alone", async () => {
    const { repositories, sessions } = inMemoryWorld();
    const caller = await callerWith(repositories, ['user']);
    const start = (tokenHash: string) =>
      Session.start({ userId: caller.userId, tokenHash, now: fixedClock.now(), ttlMs: 60_000 });
    const [current, other] = [start('c'.repeat(64)), start('d'.repeat(64))];
    await sessions.create(current);
    await sessions.create(other);

    await new LogOutUseCase(sessions, fixedClock).execute(
      new Principal(caller.userId, current.id, caller.permissions),
    );

    expect(await sessions.findActiveByTokenHash(current.tokenHash, fixedClock.now())).toBeNull();
    expect(await sessions.findActiveByTokenHash(other.tokenHash, fixedClock.now())).not.toBeNull();
  });
});
