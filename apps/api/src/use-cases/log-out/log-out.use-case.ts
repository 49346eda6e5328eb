import type { SessionRepository } from '@stratum/domain';
import type { Clock } from '../../config/clock';
import type { Principal } from '../shared/principal';

/** Ends the caller's session, this token only; the next request with it is refused. */
export class LogOutUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.sessionId, this.clock.now());
  }
}
